package dev.flotilla.runtime.internal.executor;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * The actor instances living in this executor, each with the executor its calls run on: one
 * virtual thread in order for {@code maxConcurrency} 1, else up to that many at once. Thread-safe.
 */
final class ActorRegistry {
  private final ConcurrentHashMap<String, Object> actors = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Executor> lanes = new ConcurrentHashMap<>();

  /** Where the actor's work runs; calls keep their arrival order when maxConcurrency is 1. */
  Executor lane(String actorId, int maxConcurrency) {
    return lanes.computeIfAbsent(actorId, id -> maxConcurrency <= 1 ? serial() : bounded(maxConcurrency));
  }

  void put(String actorId, Object instance) {
    actors.put(actorId, instance);
  }

  /** The instance, or null if this executor does not host the actor. */
  Object instance(String actorId) {
    return actors.get(actorId);
  }

  private static ExecutorService serial() {
    return Executors.newSingleThreadExecutor(Thread.ofVirtual().name("actor-", 0).factory());
  }

  private static Executor bounded(int permits) {
    var slots = new Semaphore(permits);
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    return work -> threads.execute(() -> {
      slots.acquireUninterruptibly();
      try {
        work.run();
      } finally {
        slots.release();
      }
    });
  }
}
