package dev.flotilla.apiserver;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition with a deadline; fails saying what was awaited. For ITs. */
public final class ItAwait {
  private ItAwait() {}

  /**
   * The first non-null value {@code probe} gives (exceptions count as "not yet").
   *
   * @throws AssertionError naming {@code what} and the last exception when {@code timeout} passes
   */
  public static <T> T until(String what, Duration timeout, Supplier<T> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    RuntimeException last = null;
    while (System.nanoTime() < deadline) {
      try {
        T v = probe.get();
        if (v != null) {
          return v;
        }
      } catch (RuntimeException notYet) {
        last = notYet;
      }
      try {
        Thread.sleep(100); // a poll step with a deadline, not a wait for time to pass
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
    throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
        + (last == null ? "" : "; last error: " + last), last);
  }
}
