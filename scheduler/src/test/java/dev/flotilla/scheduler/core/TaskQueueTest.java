package dev.flotilla.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.scheduler.core.sim.SimNode;
import dev.flotilla.scheduler.core.sim.SimTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaskQueueTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private final ClusterState state = new ClusterState();
  private final TaskQueue queue = new TaskQueue(Planner.withDefaults());

  private void add(SimTask t) {
    queue.add(t.jobId(), t.request(), t.dependencies(), T0);
  }

  private List<String> scheduledIds() {
    return queue.schedule(state, T0).stream().map(Placement::taskId).toList();
  }

  @Test
  void add_noDependencies_isReadyAndSaysSo() {
    add(SimTask.named("t1").cpus(1));

    assertThat(queue.reason("t1")).contains("ready; waiting for the next scheduling pass");
    assertThat(queue.readyCount()).isEqualTo(1);
  }

  @Test
  void add_withDependencies_waitsForArguments() {
    add(SimTask.named("t1").cpus(1).after("o1", "o2"));
    SimNode.named("n1").cpus(4).registerIn(state);

    assertThat(scheduledIds()).isEmpty();
    assertThat(queue.reason("t1")).contains("waiting for 2 arguments");
    queue.objectReady("o1", Map.of());
    assertThat(queue.reason("t1")).contains("waiting for 1 argument");
  }

  @Test
  void objectReady_lastDependency_taskGetsPlaced() {
    SimNode.named("n1").cpus(4).registerIn(state);
    add(SimTask.named("t1").cpus(1).after("o1"));

    queue.objectReady("o1", Map.of("n1", 10L));

    assertThat(scheduledIds()).containsExactly("t1");
    assertThat(queue.size()).isZero();
    assertThat(queue.reason("t1")).isEmpty();
  }

  @Test
  void objectReady_bigArgumentsOnOneNode_placesTaskThere() {
    SimNode.named("n1").cpus(4).registerIn(state);
    SimNode.named("n2").cpus(4).registerIn(state);
    add(SimTask.named("t1").cpus(1).after("o1", "o2").argBytesOn("n1", 1_000_000));

    queue.objectReady("o1", Map.of("n2", 800_000L));
    queue.objectReady("o2", Map.of("n2", 800_000L));

    assertThat(queue.schedule(state, T0))
        .singleElement()
        .extracting(Placement::nodeId)
        .isEqualTo("n2");
  }

  @Test
  void add_duplicateTaskId_throws() {
    add(SimTask.named("t1").cpus(1));

    assertThatThrownBy(() -> add(SimTask.named("t1").cpus(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("task t1 is already queued");
  }

  @Test
  void add_withoutJobId_usesDefaultJob() {
    SimNode.named("n1").cpus(4).registerIn(state);
    queue.add(PlacementRequest.of("t1", Resources.parse("CPU:1")), Set.of(), T0);

    assertThat(scheduledIds()).containsExactly("t1");
  }

  @Test
  void remove_waitingTask_forgetsItsDependencies() {
    add(SimTask.named("t1").cpus(1).after("o1"));

    assertThat(queue.remove("t1")).isTrue();
    queue.objectReady("o1", Map.of());

    assertThat(queue.size()).isZero();
    assertThat(queue.readyCount()).isZero();
    assertThat(queue.remove("t1")).isFalse();
  }

  @Test
  void remove_readyTask_isNotScheduled() {
    SimNode.named("n1").cpus(4).registerIn(state);
    add(SimTask.named("t1").cpus(1));
    add(SimTask.named("t2").cpus(1));

    queue.remove("t1");

    assertThat(scheduledIds()).containsExactly("t2");
  }

  @Test
  void pending_queuedTasks_listedInSubmissionOrderWithReasons() {
    queue.add("j", SimTask.named("a").cpus(1).after("o").request(), Set.of("o"), T0);
    queue.add("j", SimTask.named("b").cpus(1).request(), Set.of(), T0.plus(Duration.ofSeconds(5)));

    assertThat(queue.pending())
        .containsExactly(
            new PendingView("a", "a", "waiting for 1 argument", T0),
            new PendingView(
                "b", "b", "ready; waiting for the next scheduling pass", T0.plusSeconds(5)));
  }

  @Test
  void pendingForJob_otherJobsTasks_areNotListed() {
    add(SimTask.named("mine").job("a").cpus(1));
    add(SimTask.named("theirs").job("b").cpus(1));

    assertThat(queue.pending("a")).extracting(PendingView::taskId).containsExactly("mine");
  }
}
