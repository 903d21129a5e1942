package dev.flotilla.apiserver.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes log followers of a job when its lines or state change in this api-server. A follower
 * takes {@link #next} before it reads, so a change between its read and its wait is not missed;
 * followers also re-read on a timeout, which covers changes made elsewhere. Thread-safe.
 */
@ApplicationScoped
class LogSignals {
  private final Map<UUID, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

  /** Completes at the next {@link #signal} of this job. */
  CompletableFuture<Void> next(UUID job) {
    return pending.computeIfAbsent(job, j -> new CompletableFuture<>());
  }

  void signal(UUID job) {
    CompletableFuture<Void> f = pending.remove(job);
    if (f != null) {
      f.complete(null);
    }
  }
}
