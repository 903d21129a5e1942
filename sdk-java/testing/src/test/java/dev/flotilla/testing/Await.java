package dev.flotilla.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition with a deadline; fails saying what was awaited and what was last seen. */
final class Await {
  private Await() {}

  static <T> T until(String what, Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> ok) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = null;
    while (System.nanoTime() < deadline) {
      last = probe.get();
      if (ok.test(last)) {
        return last;
      }
      try {
        Thread.sleep(50); // a poll step with a deadline, not a wait for time to pass
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
    throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last seen: " + last);
  }
}
