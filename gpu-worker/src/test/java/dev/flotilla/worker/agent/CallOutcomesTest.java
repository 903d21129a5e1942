package dev.flotilla.worker.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.flotilla.protocol.scheduler.v1.TaskFinishedRequest;
import org.junit.jupiter.api.Test;

class CallOutcomesTest {
  private static TaskFinishedRequest outcome(String task, int bytes) {
    return TaskFinishedRequest.newBuilder().setTaskId(task).setInlineResult(ByteString.copyFrom(new byte[bytes])).build();
  }

  @Test
  void get_answersOnlyForTheActorThatRanTheCall() {
    var o = new CallOutcomes(10, 1 << 20);
    o.keep("actor-a", outcome("t1", 4));
    assertThat(o.get("actor-a", "t1")).isEqualTo(outcome("t1", 4));
    assertThat(o.get("actor-b", "t1")).isNull();
    assertThat(o.get("actor-a", "t2")).isNull();
  }

  @Test
  void keep_dropsTheOldestPastTheCountOrByteBound() {
    var byCount = new CallOutcomes(2, 1 << 20);
    byCount.keep("a", outcome("t1", 1));
    byCount.keep("a", outcome("t2", 1));
    byCount.keep("a", outcome("t3", 1));
    assertThat(byCount.get("a", "t1")).isNull();
    assertThat(byCount.size()).isEqualTo(2);

    var byBytes = new CallOutcomes(100, 2_500);
    byBytes.keep("a", outcome("t1", 1_000));
    byBytes.keep("a", outcome("t2", 1_000));
    byBytes.keep("a", outcome("t3", 1_000));
    assertThat(byBytes.get("a", "t1")).isNull();
    assertThat(byBytes.get("a", "t3")).isNotNull();
  }

  @Test
  void forget_dropsEveryOutcomeOfThatActorOnly() {
    var o = new CallOutcomes(10, 1 << 20);
    o.keep("a", outcome("t1", 1));
    o.keep("b", outcome("t2", 1));
    o.forget("a");
    assertThat(o.get("a", "t1")).isNull();
    assertThat(o.get("b", "t2")).isNotNull();
  }
}
