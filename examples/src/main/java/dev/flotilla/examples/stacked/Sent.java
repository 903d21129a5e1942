package dev.flotilla.examples.stacked;

import dev.flotilla.api.Flotilla;
import dev.flotilla.api.ObjectRef;
import dev.flotilla.api.WaitResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls a stage has forwarded to the next stage and not yet seen succeed. A stage returns as
 * soon as it has sent a frame on, so a failure downstream would otherwise go unnoticed: every
 * {@value #CHECK_EVERY} frames the finished calls are checked (rethrowing the first failure) and
 * dropped, and {@link #awaitAll()} checks the rest. Not thread-safe: an actor runs its calls one at
 * a time.
 */
final class Sent {
  private static final int CHECK_EVERY = 64;

  private List<ObjectRef<Integer>> pending = new ArrayList<>();

  /** Remembers a forwarded call; every {@value #CHECK_EVERY} calls, blocks briefly to check. */
  void add(ObjectRef<Integer> call) {
    pending.add(call);
    if (pending.size() >= CHECK_EVERY) {
      Flotilla fl = Flotilla.current();
      WaitResult<Integer> done = fl.wait(pending, pending.size(), Duration.ZERO);
      fl.get(done.ready());
      pending = new ArrayList<>(done.notReady());
    }
  }

  /** Blocks until every forwarded call has finished; rethrows the first failure. */
  void awaitAll() {
    Flotilla.current().get(pending);
    pending = new ArrayList<>();
  }
}
