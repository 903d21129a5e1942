package dev.flotilla.apiserver.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.protocol.kernel.v1.ExecuteError;
import dev.flotilla.protocol.kernel.v1.ExecuteReply;
import dev.flotilla.protocol.kernel.v1.ExecuteResult;
import dev.flotilla.protocol.kernel.v1.KernelEvent;
import dev.flotilla.protocol.kernel.v1.KernelRequest;
import dev.flotilla.protocol.kernel.v1.Status;
import dev.flotilla.protocol.kernel.v1.Stream;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The relay's translation between browser JSON and the kernel protocol, with fake ends. */
class KernelSessionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final class FakeClient implements KernelSession.Client {
    final String key;
    final List<JsonNode> got = new ArrayList<>();

    FakeClient(String key) {
      this.key = key;
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public void send(String json) {
      try {
        got.add(JSON.readTree(json));
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    }

    JsonNode last() {
      return got.getLast();
    }
  }

  private static final class FakeKernel implements StreamObserver<KernelRequest> {
    final List<KernelRequest> got = new ArrayList<>();
    boolean completed;

    @Override
    public void onNext(KernelRequest r) {
      got.add(r);
    }

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onCompleted() {
      completed = true;
    }
  }

  private final KernelSession session = new KernelSession("k-1", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
      "secret", JSON, InstantSource.fixed(Instant.parse("2026-12-04T00:00:00Z")));

  @Test
  void requestsBeforeTheKernelAttaches_waitForIt_inOrder() {
    var c = new FakeClient("c1");
    session.join(c);
    assertThat(c.last().path("state").asText()).isEqualTo("starting");
    session.fromClient(c, "{\"type\":\"execute\",\"id\":\"r1\",\"code\":\"1+1\"}");
    session.fromClient(c, "{\"type\":\"interrupt\"}");
    var k = new FakeKernel();
    session.attached(k);
    assertThat(k.got).hasSize(2);
    assertThat(k.got.get(0).getExecute().getCode()).isEqualTo("1+1");
    assertThat(k.got.get(0).getRequestId()).isEqualTo("c1:r1");
    assertThat(k.got.get(1).hasInterrupt()).isTrue();
  }

  @Test
  void executeEvents_becomeStreamThenOneResultForTheAskingSocketOnly() {
    var a = new FakeClient("a");
    var b = new FakeClient("b");
    session.join(a);
    session.join(b);
    session.attached(new FakeKernel());
    session.fromClient(a, "{\"type\":\"execute\",\"id\":\"r7\",\"code\":\"x\"}");
    session.fromKernel(KernelEvent.newBuilder().setStatus(Status.newBuilder().setState(Status.State.BUSY)).build());
    session.fromKernel(KernelEvent.newBuilder().setRequestId("a:r7").setStream(Stream.newBuilder().setName("stdout").setText("hi\n")).build());
    session.fromKernel(KernelEvent.newBuilder().setRequestId("a:r7").setResult(ExecuteResult.newBuilder().setValue("338350")).build());
    session.fromKernel(KernelEvent.newBuilder().setRequestId("a:r7")
        .setExecuteReply(ExecuteReply.newBuilder().setOutcome(ExecuteReply.Outcome.OK).setExecutionCount(3)).build());

    assertThat(a.got).extracting(n -> n.path("type").asText()).containsExactly("status", "status", "stream", "result");
    assertThat(a.got.get(2).path("text").asText()).isEqualTo("hi\n");
    assertThat(a.got.get(2).path("id").asText()).isEqualTo("r7");
    assertThat(a.last().path("text").asText()).isEqualTo("338350");
    assertThat(a.last().path("executionCount").asInt()).isEqualTo(3);
    assertThat(b.got).extracting(n -> n.path("type").asText()).containsExactly("status", "status");
    assertThat(b.last().path("state").asText()).isEqualTo("busy");
  }

  @Test
  void failedCell_endsWithOneErrorCarryingTheKernelsErrorAndLine() {
    var c = new FakeClient("c");
    session.join(c);
    session.attached(new FakeKernel());
    session.fromClient(c, "{\"type\":\"execute\",\"id\":\"r1\",\"code\":\"boom()\"}");
    session.fromKernel(KernelEvent.newBuilder().setRequestId("c:r1").setError(ExecuteError.newBuilder()
        .setName("CompileError").setMessage("cannot find symbol").setLine(2).addTrace("at line 2")).build());
    session.fromKernel(KernelEvent.newBuilder().setRequestId("c:r1")
        .setExecuteReply(ExecuteReply.newBuilder().setOutcome(ExecuteReply.Outcome.ERROR).setExecutionCount(1)).build());
    JsonNode e = c.last();
    assertThat(e.path("type").asText()).isEqualTo("error");
    assertThat(e.path("ename").asText()).isEqualTo("CompileError");
    assertThat(e.path("evalue").asText()).isEqualTo("cannot find symbol");
    assertThat(e.path("line").asInt()).isEqualTo(2);
    assertThat(e.path("traceback").get(0).asText()).isEqualTo("at line 2");
  }

  @Test
  void kernelDeath_failsEveryRequestInFlight_andLaterExecutesAreRefusedWithTheReason() {
    var c = new FakeClient("c");
    session.join(c);
    session.attached(new FakeKernel());
    session.fromClient(c, "{\"type\":\"execute\",\"id\":\"r1\",\"code\":\"while(true){}\"}");
    session.died("the kernel's executor died: exit 137");
    assertThat(c.got).anySatisfy(n -> {
      assertThat(n.path("type").asText()).isEqualTo("error");
      assertThat(n.path("id").asText()).isEqualTo("r1");
      assertThat(n.path("evalue").asText()).contains("exit 137");
    });
    assertThat(c.last().path("state").asText()).isEqualTo("dead");
    assertThat(c.last().path("reason").asText()).isEqualTo("the kernel's executor died: exit 137");

    session.fromClient(c, "{\"type\":\"execute\",\"id\":\"r2\",\"code\":\"1\"}");
    assertThat(c.last().path("type").asText()).isEqualTo("error");
    assertThat(c.last().path("ename").asText()).isEqualTo("KernelDied");
  }

  @Test
  void badMessages_getANoticeAndNothingReachesTheKernel() {
    var c = new FakeClient("c");
    session.join(c);
    var k = new FakeKernel();
    session.attached(k);
    session.fromClient(c, "{not json");
    session.fromClient(c, "{\"type\":\"format-disk\"}");
    session.fromClient(c, "{\"type\":\"execute\",\"code\":\"1\"}");
    session.fromClient(c, "{\"type\":\"execute\",\"id\":\"" + "x".repeat(65) + "\",\"code\":\"1\"}");
    assertThat(k.got).isEmpty();
    assertThat(c.got.subList(1, 5)).allSatisfy(n -> assertThat(n.path("type").asText()).isEqualTo("notice"));
  }

  @Test
  void shutdown_tellsTheKernelAndEndsItsStream() {
    var k = new FakeKernel();
    session.attached(k);
    session.shutdown("idle for 30 minutes");
    assertThat(k.got.getLast().hasShutdown()).isTrue();
    assertThat(k.completed).isTrue();
    assertThat(session.state()).isEqualTo("dead");
    assertThat(session.reason()).isEqualTo("idle for 30 minutes");
  }

  @Test
  void waitingForResources_isToldOncePerReason_andClearedWhenTheKernelAttaches() {
    var c = new FakeClient("c");
    session.join(c);
    session.waiting("waiting for resources: workspace quota: CPU 1/1 in use");
    session.waiting("waiting for resources: workspace quota: CPU 1/1 in use");
    assertThat(c.got).hasSize(2);
    assertThat(c.last().path("reason").asText()).contains("CPU 1/1");
    session.attached(new FakeKernel());
    assertThat(c.last().path("state").asText()).isEqualTo("starting");
    assertThat(c.last().has("reason")).isFalse();
    session.waiting("waiting for resources: later");
    assertThat(c.got).hasSize(3);
  }
}
