package dev.flotilla.scheduler.service;

import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * A client waiting for objects (a long-polling get or wait). Completed exactly once: when enough
 * objects are ready or its timeout fires. Guarded by the coordinator's lock.
 */
final class Waiter {
  final List<String> ids;
  private final IntPredicate enough;
  private final Consumer<Waiter> reply;
  ScheduledFuture<?> timeout;
  private boolean done;
  /** How many of {@code ids} are ready; counted up as objects become ready (no rescans). */
  int ready;
  /** How often each id appears in {@code ids} (a caller may list one ref twice). */
  final java.util.Map<String, Integer> copies = new java.util.HashMap<>();

  /**
   * @param enough given how many of {@code ids} are ready, whether to reply now
   * @param reply sends the answer (called once, under the lock)
   */
  Waiter(List<String> ids, IntPredicate enough, Consumer<Waiter> reply) {
    this.ids = ids;
    for (String id : ids) {
      copies.merge(id, 1, Integer::sum);
    }
    this.enough = enough;
    this.reply = reply;
  }

  boolean isDone() {
    return done;
  }

  boolean enough(int ready) {
    return enough.test(ready);
  }

  void complete() {
    if (done) {
      return;
    }
    done = true;
    if (timeout != null) {
      timeout.cancel(false);
    }
    reply.accept(this);
  }
}
