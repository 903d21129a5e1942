package dev.flotilla.runtime.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.protocol.jobs.v1.Finished;
import dev.flotilla.protocol.jobs.v1.JobChannelGrpc;
import dev.flotilla.protocol.jobs.v1.JobEvent;
import dev.flotilla.protocol.jobs.v1.LogLines;
import dev.flotilla.runtime.internal.client.Channels;
import dev.flotilla.runtime.internal.client.ClusterAddress;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class JobDriverTest {
  private static final String SECRET = "job-s3cret";

  private static String drive(TestingJobChannel server, String secret, Class<?> main, String... args) {
    ManagedChannel ch = Channels.open(ClusterAddress.parse(server.address()), new Channels.Credentials(secret, null));
    try {
      return JobDriver.drive("job-1", JobChannelGrpc.newStub(ch), main.getName(), args,
          JobDriverTest.class.getClassLoader(), Duration.ofMillis(20), Duration.ofSeconds(10));
    } finally {
      Channels.close(ch);
    }
  }

  @Test
  void drive_mainPrints_linesArriveInOrderThenFinishedSucceeded() throws Exception {
    try (var server = new TestingJobChannel(SECRET)) {
      assertThat(drive(server, SECRET, TestingMains.Printer.class, "a", "b")).isEqualTo("succeeded");

      assertThat(server.events.getFirst().getHello().getJobId()).isEqualTo("job-1");
      assertThat(server.lines(LogLines.Stream.STDOUT)).containsSubsequence("arg a", "arg b", "no newline at the end");
      assertThat(server.lines(LogLines.Stream.STDERR)).contains("to stderr");
      JobEvent last = server.events.getLast();
      assertThat(last.getFinished().getSucceeded()).isTrue();
    }
  }

  @Test
  void drive_mainThrows_finishedCarriesTheExceptionAndTheTaskFails() throws Exception {
    try (var server = new TestingJobChannel(SECRET)) {
      assertThatThrownBy(() -> drive(server, SECRET, TestingMains.Thrower.class))
          .isInstanceOf(JobMainFailedException.class)
          .hasMessage("java.lang.IllegalStateException: the model diverged");

      Finished f = server.events.getLast().getFinished();
      assertThat(f.getSucceeded()).isFalse();
      assertThat(f.getExceptionClass()).isEqualTo("java.lang.IllegalStateException");
      assertThat(f.getMessage()).isEqualTo("the model diverged");
      assertThat(f.getStackTrace()).contains("TestingMains$Thrower.main").doesNotContain("JobDriver")
          .doesNotContain("reflect.Method.invoke");
      assertThat(server.lines(LogLines.Stream.STDOUT)).contains("about to fail");
    }
  }

  @Test
  void drive_stop_interruptsMain() throws Exception {
    try (var server = new TestingJobChannel(SECRET)) {
      CompletableFuture<String> run = CompletableFuture.supplyAsync(() -> drive(server, SECRET, TestingMains.Waiter.class));
      server.await("the line main prints before it waits",
          e -> e.hasLogLines() && e.getLogLines().getLineList().contains("waiting"));
      server.stop("stopped by a test");

      assertThatThrownBy(() -> run.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(JobMainFailedException.class);
      assertThat(server.events.getLast().getFinished().getExceptionClass()).isEqualTo("java.lang.InterruptedException");
    }
  }

  @Test
  void drive_wrongSecret_refusedAndMainNeverRuns() throws Exception {
    TestingMains.ran = false;
    try (var server = new TestingJobChannel(SECRET)) {
      assertThatThrownBy(() -> drive(server, "wrong", TestingMains.Marker.class))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("refused the job channel").hasMessageContaining("UNAUTHENTICATED");
      assertThat(TestingMains.ran).isFalse();
      assertThat(server.events).isEmpty();
    }
  }

  @Test
  void drive_stopInsteadOfStarted_mainNeverRuns() throws Exception {
    TestingMains.ran = false;
    try (var server = new TestingJobChannel(SECRET, true)) {
      assertThatThrownBy(() -> drive(server, SECRET, TestingMains.Marker.class))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped before it started: stopped early");
      assertThat(TestingMains.ran).isFalse();
    }
  }

  @Test
  void drive_unknownMainClass_failsNamingIt() throws Exception {
    try (var server = new TestingJobChannel(SECRET)) {
      ManagedChannel ch = Channels.open(ClusterAddress.parse(server.address()), new Channels.Credentials(SECRET, null));
      try {
        assertThatThrownBy(() -> JobDriver.drive("job-1", JobChannelGrpc.newStub(ch), "com.example.Missing", new String[0],
            getClass().getClassLoader(), Duration.ofMillis(20), Duration.ofSeconds(10)))
            .isInstanceOf(JobMainFailedException.class).hasMessageContaining("com.example.Missing is not in the job's code package");
      } finally {
        Channels.close(ch);
      }
      assertThat(server.events.getLast().getFinished().getMessage()).contains("com.example.Missing");
    }
  }

  @Test
  void run_missingSecret_isRefusedBeforeDialing() {
    assertThatThrownBy(() -> JobDriver.run("j", "flotilla://127.0.0.1:1", "", "x.Main", new String[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
  }
}
