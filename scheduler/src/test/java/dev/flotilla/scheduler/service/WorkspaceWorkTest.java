package dev.flotilla.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.flotilla.protocol.common.v1.ResourceSet;
import dev.flotilla.protocol.scheduler.v1.ActorCallSpec;
import dev.flotilla.protocol.scheduler.v1.ActorSpec;
import dev.flotilla.protocol.scheduler.v1.ActorStatus;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusResponse;
import dev.flotilla.protocol.scheduler.v1.RegisterNodeRequest;
import dev.flotilla.protocol.scheduler.v1.RunningTask;
import dev.flotilla.protocol.scheduler.v1.TaskFinishedRequest;
import dev.flotilla.protocol.scheduler.v1.TaskSpec;
import dev.flotilla.scheduler.core.Planner;
import dev.flotilla.scheduler.core.Resources;
import dev.flotilla.scheduler.core.TaskQueue;
import dev.flotilla.scheduler.core.sim.ManualClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The running tasks and actors a session's cluster status lists: a coordinator on a fake clock
 * with one node (its command stream absent: nothing is really sent) and sessions of three
 * tenancies; nodes finishing work are played by {@link TaskFinishedRequest}s.
 */
class WorkspaceWorkTest {
  private final ManualClock clock = new ManualClock();
  private final Coordinator c = new Coordinator(clock, new TaskQueue(Planner.withDefaults()));
  private final StatusReport report = new StatusReport(c);
  private final Tenancy vision = new Tenancy("acme", "vision");
  private final Tenancy nlp = new Tenancy("acme", "nlp");
  private final Tenancy globexVision = new Tenancy("globex", "vision");

  @BeforeEach
  void oneNode() {
    var node = new NodeLink("n1", "10.0.0.1:7000", 1 << 30, clock.instant());
    c.registerNode(node);
    c.nodeConnected(node, Resources.parse("CPU:600,GPU:2"), Map.of("gpu.model", "H100"), 2,
        RegisterNodeRequest.getDefaultInstance());
    c.openSession("s-vision", "job-vision", true, "test", vision);
    c.openSession("s-nlp", "job-nlp", true, "test", nlp);
    c.openSession("s-globex", "job-globex", true, "test", globexVision);
  }

  @AfterEach
  void noTimersLeft() {
    clock.assertNoPendingActions();
  }

  private static ResourceSet set(String resources) {
    return ResourceSet.newBuilder().putAllAmounts(Resources.parse(resources).amounts()).build();
  }

  private void submit(String session, String job, String taskId, String resources) {
    assertThat(c.submit(TaskSpec.newBuilder().setTaskId(taskId).setJobId(job).setSessionId(session).setName("train-" + taskId)
        .setResources(set(resources)).build())).isNull();
  }

  private void createActor(String session, String job, String actorId, String name, String resources, int maxRestarts) {
    assertThat(c.createActor(ActorSpec.newBuilder().setActorId(actorId).setJobId(job).setSessionId(session)
        .setClassName("Counter").setName(name).setResources(set(resources)).setMaxRestarts(maxRestarts).build())).isNull();
  }

  private void constructed(String taskId, int attempt) {
    c.taskFinished(TaskFinishedRequest.newBuilder().setNodeId("n1").setTaskId(taskId).setAttempt(attempt)
        .setInlineResult(ByteString.EMPTY).build());
  }

  private ClusterStatusResponse seenBy(Tenancy t) {
    return report.build(t, false, true);
  }

  @Test
  void session_listsItsWorkspacesRunningTasksAndActors_neverAnotherWorkspacesOrTenants() {
    submit("s-vision", "job-vision", "t-vision", "CPU:1,GPU:1");
    createActor("s-vision", "job-vision", "a-vision", "counter", "CPU:1", 0);
    constructed("a-vision", 0);
    clock.advance(Duration.ofSeconds(2));
    assertThat(c.callActor(ActorCallSpec.newBuilder().setTaskId("call-1").setActorId("a-vision").setSessionId("s-vision")
        .setName("Counter.add").setSequence(0).build())).isNull();
    submit("s-nlp", "job-nlp", "t-nlp", "CPU:1");
    createActor("s-nlp", "job-nlp", "a-nlp", "counter", "CPU:1", 0);
    submit("s-globex", "job-globex", "t-globex", "CPU:1,GPU:1");
    createActor("s-globex", "job-globex", "a-globex", "counter", "CPU:1", 0);

    ClusterStatusResponse v = seenBy(vision);

    assertThat(v.getRunningList()).extracting(RunningTask::getTaskId).containsExactly("t-vision", "call-1");
    RunningTask task = v.getRunning(0);
    assertThat(task.getNodeId()).isEqualTo("n1");
    assertThat(task.getJobId()).isEqualTo("job-vision");
    assertThat(task.getResources().getAmountsMap()).containsEntry("GPU", 1.0).containsEntry("CPU", 1.0);
    assertThat(task.getStartedAtMs()).isEqualTo(clock.instant().minusSeconds(2).toEpochMilli());
    assertThat(task.getActorId()).isEmpty();
    RunningTask call = v.getRunning(1);
    assertThat(call.getActorId()).isEqualTo("a-vision");
    assertThat(call.getName()).isEqualTo("Counter.add");
    assertThat(call.getNodeId()).isEqualTo("n1");
    assertThat(call.getResources().getAmountsMap()).as("the actor holds the resources, not its call").isEmpty();
    assertThat(call.getStartedAtMs()).isEqualTo(clock.instant().toEpochMilli());
    assertThat(v.getActorsList()).extracting(ActorStatus::getActorId).containsExactly("a-vision");
    ActorStatus actor = v.getActors(0);
    assertThat(actor.getState()).isEqualTo(ActorStatus.State.ALIVE);
    assertThat(actor.getName()).isEqualTo("counter");
    assertThat(actor.getClassName()).isEqualTo("Counter");
    assertThat(actor.getNodeId()).isEqualTo("n1");
    assertThat(actor.getCallsRunning()).isEqualTo(1);
    assertThat(v.toString()).doesNotContain("t-nlp", "a-nlp", "t-globex", "a-globex");

    assertThat(seenBy(nlp).getRunningList()).extracting(RunningTask::getTaskId)
        .as("the same tenant's other workspace: its own constructor and task only").containsExactlyInAnyOrder("t-nlp", "a-nlp");
    ClusterStatusResponse g = seenBy(globexVision);
    assertThat(g.getActorsList()).extracting(ActorStatus::getActorId).containsExactly("a-globex");
    assertThat(g.toString()).as("a workspace of the same name in another tenant").doesNotContain("t-vision", "a-vision", "call-1");
  }

  @Test
  void noSession_orTheOperatorsView_listsNoRunningTasksOrActors() {
    submit("s-vision", "job-vision", "t-vision", "CPU:1");
    createActor("s-vision", "job-vision", "a-vision", "", "CPU:1", 0);

    assertThat(report.build(Tenancy.LOCAL, true, false).getRunningList()).isEmpty();
    assertThat(report.build(Tenancy.LOCAL, true, false).getActorsList()).isEmpty();
    assertThat(report.build(vision, false, false).getRunningList()).as("a session id the scheduler does not know").isEmpty();
    assertThat(seenBy(Tenancy.LOCAL).getRunningList()).as("a local session: local work only").isEmpty();
    assertThat(seenBy(vision).getRunningCount()).isEqualTo(2);
  }

  @Test
  void actorStates_pendingWithTheSchedulersReason_restartingWithWhyItDied_deadWithItsReason_deadLast() {
    createActor("s-vision", "job-vision", "a-big", "big", "GPU:4", 0);
    createActor("s-vision", "job-vision", "a-flaky", "", "CPU:1", 1);
    constructed("a-flaky", 0);
    c.actorDied("a-flaky", 0, "executor exited with 137");
    createActor("s-vision", "job-vision", "a-gone", "gone", "CPU:1", 0);
    constructed("a-gone", 0);
    c.killActor("a-gone", vision);

    var byId = new java.util.HashMap<String, ActorStatus>();
    ClusterStatusResponse v = seenBy(vision);
    v.getActorsList().forEach(a -> byId.put(a.getActorId(), a));

    assertThat(byId.get("a-big").getState()).isEqualTo(ActorStatus.State.PENDING);
    assertThat(byId.get("a-big").getReason()).as("the scheduler's reason").isNotEmpty().contains("GPU");
    assertThat(byId.get("a-big").getNodeId()).isEmpty();
    assertThat(byId.get("a-flaky").getState()).isEqualTo(ActorStatus.State.RESTARTING);
    assertThat(byId.get("a-flaky").getReason()).isEqualTo("executor exited with 137");
    assertThat(byId.get("a-flaky").getRestarts()).isEqualTo(1);
    assertThat(byId.get("a-flaky").getNodeId()).as("its new constructor runs there").isEqualTo("n1");
    assertThat(byId.get("a-gone").getState()).isEqualTo(ActorStatus.State.DEAD);
    assertThat(byId.get("a-gone").getReason()).isEqualTo("killed by fl.kill()");
    assertThat(v.getActorsList()).extracting(ActorStatus::getActorId).last().isEqualTo("a-gone");
    assertThat(v.getRunningList()).extracting(RunningTask::getTaskId, RunningTask::getActorCreation)
        .as("the restarting actor's constructor runs").containsExactly(org.assertj.core.groups.Tuple.tuple("a-flaky~1", true));
  }

  @Test
  void moreThanTheCap_listsTheOldestAndSaysTruncated() {
    for (int i = 0; i <= WorkspaceWork.CAP; i++) {
      submit("s-vision", "job-vision", String.format("t-%04d", i), "CPU:1");
      clock.advance(Duration.ofMillis(1));
    }

    ClusterStatusResponse v = seenBy(vision);

    assertThat(v.getRunningCount()).isEqualTo(WorkspaceWork.CAP);
    assertThat(v.getRunningTruncated()).isTrue();
    assertThat(v.getRunning(0).getTaskId()).isEqualTo("t-0000");
    assertThat(v.getActorsTruncated()).isFalse();
    assertThat(seenBy(nlp).getRunningTruncated()).isFalse();
  }
}
