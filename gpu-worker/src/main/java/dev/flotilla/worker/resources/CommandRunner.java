package dev.flotilla.worker.resources;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Runs an external command and returns what it printed. The seam between resource discovery and the
 * operating system: tests pass a fake that returns recorded output.
 */
@FunctionalInterface
public interface CommandRunner {

  /**
   * Runs {@code command} (program and arguments, no shell) and waits for it. Blocks.
   *
   * @return its standard output, or empty if the program is absent, fails (non-zero exit) or does
   *     not finish in time
   */
  Optional<String> run(List<String> command);

  /** Runs real processes, killing any that take longer than 15 seconds. */
  static CommandRunner system() {
    return new ProcessCommandRunner(Duration.ofSeconds(15));
  }
}
