package dev.flotilla.deploy.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Polling a condition with a deadline, failing with what was awaited and the watched log's tail. */
final class Await {
  private Await() {}

  /**
   * Blocks until {@code ok} holds (exceptions count as "not yet"), polling every 250 ms.
   *
   * @throws IllegalStateException when {@code watched} exits first or {@code timeout} passes
   */
  static void until(String what, Duration timeout, String role, ProcessHandle watched, Path log, BooleanSupplier ok) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        if (ok.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException notYet) {
        // keep polling
      }
      if (!watched.isAlive()) {
        throw new IllegalStateException(role + " exited while waiting for " + what + "; log " + log + ":\n" + tail(log));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + timeout.toSeconds() + " s waiting for " + what
            + "; " + role + " log " + log + ":\n" + tail(log));
      }
      try {
        watched.onExit().get(250, TimeUnit.MILLISECONDS); // the poll interval; ends early if it dies
      } catch (java.util.concurrent.TimeoutException interval) {
        // poll again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }
}
