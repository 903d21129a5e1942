package dev.flotilla.apiserver.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.protocol.common.v1.ResourceSet;
import dev.flotilla.protocol.scheduler.v1.ActorStatus;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusResponse;
import dev.flotilla.protocol.scheduler.v1.RunningTask;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkViewsTest {
  @Test
  void running_inTheSchedulersOrder_emptyActorIdAsNull() {
    var status = ClusterStatusResponse.newBuilder()
        .addRunning(RunningTask.newBuilder().setTaskId("t1").setName("train").setNodeId("n1").setJobId("j1")
            .setResources(ResourceSet.newBuilder().putAmounts("GPU", 1).putAmounts("CPU", 2)).setStartedAtMs(1000))
        .addRunning(RunningTask.newBuilder().setTaskId("c1").setName("Counter.add").setNodeId("n1").setJobId("j1")
            .setActorId("a1").setStartedAtMs(2000).setAttempt(1))
        .setRunningTruncated(true).build();

    assertThat(WorkViews.running(status)).containsExactly(
        new DashboardDtos.Running("t1", "train", "n1", Map.of("CPU", 2.0, "GPU", 1.0), Instant.ofEpochMilli(1000), "j1", null,
            false, 0),
        new DashboardDtos.Running("c1", "Counter.add", "n1", Map.of(), Instant.ofEpochMilli(2000), "j1", "a1", false, 1));
    assertThat(WorkViews.truncated(status)).isEqualTo(new DashboardDtos.Truncated(true, false));
  }

  @Test
  void actors_stateByName_reasonAndNodeNullWhenEmpty() {
    var status = ClusterStatusResponse.newBuilder()
        .addActors(ActorStatus.newBuilder().setActorId("a1").setClassName("Counter").setName("counter").setNamespace("default")
            .setState(ActorStatus.State.ALIVE).setNodeId("n1").setResources(ResourceSet.newBuilder().putAmounts("CPU", 0.5))
            .setJobId("j1").setCallsRunning(1))
        .addActors(ActorStatus.newBuilder().setActorId("a2").setClassName("Model").setState(ActorStatus.State.DEAD)
            .setReason("killed by fl.kill()").setRestarts(2).setJobId("j1"))
        .setActorsTruncated(true).build();

    assertThat(WorkViews.actors(status)).containsExactly(
        new DashboardDtos.Actor("a1", "Counter", "counter", "default", "ALIVE", null, "n1", Map.of("CPU", 0.5), 0, "j1", false, 1, 0),
        new DashboardDtos.Actor("a2", "Model", null, "", "DEAD", "killed by fl.kill()", null, Map.of(), 2, "j1", false, 0, 0));
    assertThat(WorkViews.truncated(status).actors()).isTrue();
  }
}
