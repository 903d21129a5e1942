package dev.flotilla.kernel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.protocol.kernel.v1.Complete;
import dev.flotilla.protocol.kernel.v1.Execute;
import dev.flotilla.protocol.kernel.v1.ExecuteReply;
import dev.flotilla.protocol.kernel.v1.Interrupt;
import dev.flotilla.protocol.kernel.v1.KernelEvent;
import dev.flotilla.protocol.kernel.v1.KernelRequest;
import dev.flotilla.protocol.kernel.v1.Restart;
import dev.flotilla.protocol.kernel.v1.Shutdown;
import dev.flotilla.protocol.kernel.v1.Status.State;
import dev.flotilla.runtime.internal.client.ClusterAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KernelHostTest {
  private static final String SECRET = "s3cret";

  /** A clock that moves only when told. */
  static final class ManualClock implements InstantSource {
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  private static CompletableFuture<String> host(TestingKernelChannel server, String secret, InstantSource clock) {
    return CompletableFuture.supplyAsync(() -> KernelHost.serve("k-1", ClusterAddress.parse(server.address()), secret,
        KernelOptions.inThisJvm(null), clock, Duration.ofMinutes(10), Duration.ofMillis(20)));
  }

  private static KernelRequest execute(String id, String code) {
    return KernelRequest.newBuilder().setRequestId(id).setExecute(Execute.newBuilder().setCode(code)).build();
  }

  private static boolean isReply(KernelEvent e, String id) {
    return e.getRequestId().equals(id) && e.hasExecuteReply();
  }

  @Test
  void attach_executeCompleteInterruptRestartShutdown_overTheChannel() throws Exception {
    try (var server = new TestingKernelChannel(SECRET)) {
      CompletableFuture<String> host = host(server, SECRET, InstantSource.system());
      KernelEvent hello = server.await("hello", KernelEvent::hasHello);
      assertThat(hello.getHello().getKernelId()).isEqualTo("k-1");
      server.await("idle", e -> e.hasStatus() && e.getStatus().getState() == State.IDLE);

      server.send(execute("r1", "static int sq(int x) { return x * x; }\nSystem.out.println(\"hi\");\nsq(9)"));
      server.await("reply to r1", e -> isReply(e, "r1"));
      server.await("idle after r1", e -> e.getRequestId().equals("r1") && e.hasStatus() && e.getStatus().getState() == State.IDLE);
      assertThat(server.of("r1")).extracting(KernelEvent::getKindCase).containsExactly(
          KernelEvent.KindCase.STATUS, KernelEvent.KindCase.STREAM, KernelEvent.KindCase.RESULT,
          KernelEvent.KindCase.EXECUTE_REPLY, KernelEvent.KindCase.STATUS);
      assertThat(server.of("r1").get(2).getResult().getValue()).isEqualTo("81");

      server.send(execute("r2", "System.out.println(\"looping\"); while (true) { }"));
      server.await("r2 running", e -> e.getRequestId().equals("r2") && e.hasStream());
      server.send(KernelRequest.newBuilder().setRequestId("c1")
          .setComplete(Complete.newBuilder().setCode("sq(2).toStr").setCursor(11)).build());
      server.send(KernelRequest.newBuilder().setRequestId("i1").setInterrupt(Interrupt.getDefaultInstance()).build());
      KernelEvent r2 = server.await("reply to r2", e -> isReply(e, "r2"));
      assertThat(r2.getExecuteReply().getOutcome()).isEqualTo(ExecuteReply.Outcome.INTERRUPTED);
      assertThat(server.await("completions", e -> e.hasCompletions()).getRequestId()).isEqualTo("c1");

      server.send(KernelRequest.newBuilder().setRequestId("x").setRestart(Restart.getDefaultInstance()).build());
      server.send(execute("r3", "sq(3)"));
      KernelEvent r3 = server.await("reply to r3", e -> isReply(e, "r3"));
      assertThat(r3.getExecuteReply().getOutcome()).isEqualTo(ExecuteReply.Outcome.ERROR);
      assertThat(r3.getExecuteReply().getExecutionCount()).isEqualTo(1);
      assertThat(server.of("x")).extracting(e -> e.getStatus().getState()).containsExactly(State.RESTARTING, State.IDLE);

      server.send(KernelRequest.newBuilder().setRequestId("s").setShutdown(Shutdown.getDefaultInstance()).build());
      assertThat(host.get(20, TimeUnit.SECONDS)).isEqualTo("shutdown");
      server.kernelClosed.get(10, TimeUnit.SECONDS);
      assertThat(server.events.getLast().getStatus().getState()).isEqualTo(State.DEAD);
    }
  }

  @Test
  void attach_wrongSecret_isRefusedAndTheHostEnds() throws Exception {
    try (var server = new TestingKernelChannel(SECRET)) {
      String reason = host(server, "wrong", InstantSource.system()).get(30, TimeUnit.SECONDS);
      assertThat(reason).contains("UNAUTHENTICATED").contains("wrong kernel secret");
      assertThat(server.attached).isNotDone();
    }
  }

  @Test
  void cull_idlePastTheTimeout_endsTheKernel() throws Exception {
    try (var server = new TestingKernelChannel(SECRET)) {
      ManualClock clock = new ManualClock();
      CompletableFuture<String> host = host(server, SECRET, clock);
      server.await("idle", e -> e.hasStatus() && e.getStatus().getState() == State.IDLE);
      server.send(execute("r1", "1 + 1"));
      server.await("idle after r1", e -> e.getRequestId().equals("r1") && e.hasStatus()
          && e.getStatus().getState() == State.IDLE);
      clock.advance(Duration.ofMinutes(9));
      assertThat(host).isNotDone();
      clock.advance(Duration.ofMinutes(2));
      assertThat(host.get(20, TimeUnit.SECONDS)).isEqualTo("idle");
      assertThat(server.events.getLast().getStatus().getReason()).isEqualTo("idle");
    }
  }
}
