package dev.flotilla.scheduler.core;

import java.time.Instant;

/**
 * One task still in a {@link TaskQueue}, for "why is my task pending?".
 *
 * @param reason e.g. "waiting for 2 arguments" or "needs GPU:1, no node has GPU"
 * @param pendingSince the {@code now} passed to {@link TaskQueue#add}
 */
public record PendingView(String taskId, String name, String reason, Instant pendingSince) {}
