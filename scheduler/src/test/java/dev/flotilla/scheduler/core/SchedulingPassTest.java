package dev.flotilla.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.scheduler.core.SchedulingProfile.PluginConfig;
import dev.flotilla.scheduler.core.sim.SimNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bursts of equal tasks in one schedule() call, counted in filter calls. */
class SchedulingPassTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final int NODES = 1_000;
  private static final int ROOMY = 10;

  private final ClusterState state = new ClusterState();
  private final TestingFilter counter = TestingFilter.counting("Count");
  private final TaskQueue queue = new TaskQueue(countingPlanner());

  private Planner countingPlanner() {
    List<PluginConfig> filters = new ArrayList<>(List.of(PluginConfig.of("Count")));
    filters.addAll(SchedulingProfile.defaults().filters());
    return new Planner(
        new SchedulingProfile("counted", filters, SchedulingProfile.defaults().scores()),
        PluginRegistry.withDefaults().register("Count", args -> counter));
  }

  /** {@code NODES} nodes with 2 CPUs; all but the last {@code ROOMY} are full. */
  private void busyFleet() {
    for (int i = 0; i < NODES; i++) {
      SimNode.named("n" + i).cpus(2).registerIn(state);
      if (i < NODES - ROOMY) {
        state.reserve("n" + i, Resources.parse("CPU:2"));
      }
    }
  }

  private static String[] roomyNodes() {
    String[] ids = new String[ROOMY];
    for (int i = 0; i < ROOMY; i++) {
      ids[i] = "n" + (NODES - ROOMY + i);
    }
    return ids;
  }

  @Test
  void schedule_burstOfEqualTasks_scansFleetOnceThenOnlyCandidates() {
    busyFleet();
    for (int i = 0; i < 2 * ROOMY + 1; i++) {
      queue.add(PlacementRequest.of("t" + i, Resources.parse("CPU:1")), Set.of(), T0);
    }

    List<Placement> placed = queue.schedule(state, T0);

    assertThat(placed).hasSize(2 * ROOMY);
    assertThat(placed).extracting(Placement::nodeId).containsOnly(roomyNodes());
    // one fleet scan, at most ROOMY candidates for each later task, then one explaining scan
    assertThat(counter.calls()).isLessThanOrEqualTo(NODES + 2L * ROOMY * ROOMY + NODES);
    assertThat(queue.reason("t20"))
        .contains("needs CPU:1; the most free on any node is CPU:0 (node n0)");
  }

  @Test
  void schedule_burstOfEqualTasks_sameChoicesAsPlanningEachAlone() {
    busyFleet();
    ClusterState twin = new ClusterState();
    state.nodes().forEach(n -> twin.upsertNode(n.nodeId(), n.address(), n.total(), n.labels(), 0));
    state.nodes().stream()
        .filter(n -> n.available().get("CPU") == 0)
        .forEach(n -> twin.reserve(n.nodeId(), Resources.parse("CPU:2")));
    Planner planner = Planner.withDefaults();
    for (int i = 0; i < 2 * ROOMY; i++) {
      queue.add(PlacementRequest.of("t" + i, Resources.parse("CPU:1")), Set.of(), T0);
    }

    List<Placement> placed = queue.schedule(state, T0);

    for (Placement p : placed) {
      PlacementRequest r = PlacementRequest.of(p.taskId(), Resources.parse("CPU:1"));
      PlacementDecision alone = planner.plan(twin, r, T0);
      assertThat(alone).isEqualTo(new PlacementDecision.Placed(p.nodeId()));
      twin.reserve(p.nodeId(), r.demand());
    }
  }
}
