package dev.flotilla.worker.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs real, ubiquitous programs: echo, false, sleep. */
class ProcessCommandRunnerTest {

  private final CommandRunner runner = new ProcessCommandRunner(Duration.ofSeconds(30));

  @Test
  void run_successfulCommand_returnsItsOutput() {
    assertEquals(Optional.of("0, GPU, 1\n"), runner.run(List.of("echo", "0, GPU, 1")));
  }

  @Test
  void run_failingCommand_returnsEmpty() {
    assertEquals(Optional.empty(), runner.run(List.of("false")));
  }

  @Test
  void run_absentProgram_returnsEmpty() {
    assertEquals(Optional.empty(), runner.run(List.of("flotilla-no-such-program-7f3a")));
  }

  @Test
  void run_commandOverItsDeadline_isKilledAndReturnsEmpty() {
    CommandRunner impatient = new ProcessCommandRunner(Duration.ofMillis(200));

    assertEquals(Optional.empty(), impatient.run(List.of("sleep", "30")));
  }
}
