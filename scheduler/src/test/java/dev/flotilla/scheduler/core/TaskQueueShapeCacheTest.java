package dev.flotilla.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.scheduler.core.SchedulingProfile.PluginConfig;
import dev.flotilla.scheduler.core.sim.SimNode;
import dev.flotilla.scheduler.core.sim.SimTask;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Work done by schedule() is counted in filter calls, never timed. */
class TaskQueueShapeCacheTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final int NODES = 1_000;
  private static final int TASKS = 10_000;
  private static final String[] SHAPES = {"CPU:1", "CPU:2", "CPU:1, GPU:1"};

  private final ClusterState state = new ClusterState();
  private final TestingFilter counter = TestingFilter.counting("Count");
  private final List<Reservation> fillers = new ArrayList<>();
  private TaskQueue queue;

  @BeforeEach
  void fullFleetAndManyTasks() {
    PluginRegistry registry = PluginRegistry.withDefaults().register("Count", args -> counter);
    List<PluginConfig> filters = new ArrayList<>();
    filters.add(PluginConfig.of("Count"));
    filters.addAll(SchedulingProfile.defaults().filters());
    queue =
        new TaskQueue(
            new Planner(
                new SchedulingProfile("counted", filters, SchedulingProfile.defaults().scores()),
                registry));
    for (int i = 0; i < NODES; i++) {
      SimNode.named("n" + i).cpus(2).registerIn(state);
      fillers.add(state.reserve("n" + i, Resources.parse("CPU:2")));
    }
    for (int i = 0; i < TASKS; i++) {
      SimTask t = SimTask.named("t" + i).job("job" + (i % 10));
      queue.add(
          t.jobId(),
          new PlacementRequest(
              t.id(), t.id(), Resources.parse(SHAPES[i % SHAPES.length]), null, null),
          t.dependencies(),
          T0);
    }
  }

  @Test
  void schedule_nothingFits_plansEachShapeOnce() {
    List<Placement> placed = queue.schedule(state, T0);

    assertThat(placed).isEmpty();
    // one planning pass plus one explaining pass per shape
    assertThat(counter.calls()).isEqualTo(2L * SHAPES.length * NODES);
    assertThat(queue.pending())
        .hasSize(TASKS)
        .allSatisfy(p -> assertThat(p.reason()).startsWith("needs "));
  }

  @Test
  void schedule_unchangedClusterAgain_plansNothing() {
    queue.schedule(state, T0);
    long calls = counter.calls();

    queue.add(PlacementRequest.of("late", Resources.parse("CPU:2")), Set.of(), T0);
    queue.schedule(state, T0);

    assertThat(counter.calls()).isEqualTo(calls);
    assertThat(queue.reason("late"))
        .contains("needs CPU:2; the most free on any node is CPU:0 (node n0)");
  }

  @Test
  void schedule_afterRelease_plansAgainAndPlaces() {
    queue.schedule(state, T0);
    long calls = counter.calls();

    state.release(fillers.get(7));
    List<Placement> placed = queue.schedule(state, T0);

    // job0 places t0; job1's CPU:2 and GPU heads do not fit, its CPU:1 task t21 backfills
    assertThat(placed).extracting(Placement::taskId).containsExactly("t0", "t21");
    assertThat(placed).allSatisfy(p -> assertThat(p.nodeId()).isEqualTo("n7"));
    // each shape fails at most once (two passes) and each placement costs one pass
    assertThat(counter.calls() - calls).isLessThanOrEqualTo((2L * SHAPES.length + 2) * NODES);
  }
}
