package dev.flotilla.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Marks that an executor has started doing work, so that the chaos killer spares executors that
 * are still starting. A task calls {@link #working(String)}; it writes an empty file named by its
 * executor's pid once per executor JVM. The file's age says how long the executor has been useful.
 *
 * <p>Why: an executor JVM takes seconds to start on a loaded machine (about 10 s measured on the
 * 2-core CI boxes). Killing executors that have not yet run anything only restarts JVMs and
 * proves nothing about retries, and with two executors and a kill every two seconds no task
 * ever finishes.
 */
public final class ChaosMarks {
  private static volatile boolean marked;

  private ChaosMarks() {}

  /** Called inside a task or actor method: records, once per JVM, that this executor works. */
  public static void working(String dir) {
    if (marked) {
      return;
    }
    synchronized (ChaosMarks.class) {
      if (marked) {
        return;
      }
      try {
        Files.writeString(Path.of(dir).resolve(Long.toString(ProcessHandle.current().pid())), "");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      marked = true;
    }
  }

  /** Processes that marked themselves working at least {@code forAtLeast} ago. */
  static Predicate<ProcessHandle> workingFor(Path dir, Duration forAtLeast) {
    return p -> {
      try {
        Instant since = Files.getLastModifiedTime(dir.resolve(Long.toString(p.pid()))).toInstant();
        return !since.plus(forAtLeast).isAfter(Instant.now());
      } catch (NoSuchFileException e) {
        return false;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
