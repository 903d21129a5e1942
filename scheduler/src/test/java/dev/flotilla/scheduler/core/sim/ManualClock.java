package dev.flotilla.scheduler.core.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A fake clock: time moves only when a test advances it, and scheduled actions run then, in time
 * order (ties in scheduling order). Tests end with {@link #assertNoPendingActions()}.
 */
public final class ManualClock implements InstantSource {
  private record Timer(Instant due, long seq, String label, Runnable action) {}

  private final PriorityQueue<Timer> timers =
      new PriorityQueue<>(
          (a, b) -> a.due.equals(b.due) ? Long.compare(a.seq, b.seq) : a.due.compareTo(b.due));
  private Instant now;
  private long seq;

  public ManualClock(Instant start) {
    this.now = start;
  }

  public ManualClock() {
    this(Instant.parse("2025-01-01T00:00:00Z"));
  }

  @Override
  public Instant instant() {
    return now;
  }

  /** Runs {@code action} once the clock reaches {@code now + delay}. */
  public void schedule(Duration delay, String label, Runnable action) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("negative delay " + delay + " for " + label);
    }
    timers.add(new Timer(now.plus(delay), seq++, label, action));
  }

  /** Moves time forward by {@code d}, running every action due on the way. */
  public void advance(Duration d) {
    Instant target = now.plus(d);
    while (!timers.isEmpty() && !timers.peek().due.isAfter(target)) {
      runNext();
    }
    now = target;
  }

  /** Jumps to the next due action and runs it; false when none is pending. */
  public boolean runNext() {
    Timer t = timers.poll();
    if (t == null) {
      return false;
    }
    now = t.due;
    t.action.run();
    return true;
  }

  public int pendingActions() {
    return timers.size();
  }

  public void assertNoPendingActions() {
    if (!timers.isEmpty()) {
      List<String> labels = new ArrayList<>();
      timers.stream().limit(5).forEach(t -> labels.add(t.label + " at " + t.due));
      throw new AssertionError(timers.size() + " actions still pending, e.g. " + labels);
    }
  }
}
