package dev.flotilla.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.scheduler.core.SchedulingProfile.PluginConfig;
import dev.flotilla.scheduler.core.sim.SimNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reasons cached per shape, observed through a {@link TaskQueue} and a counting filter. */
class UnfitShapesTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final int NODES = 100;

  private final ClusterState state = new ClusterState();
  private final TestingFilter counter = TestingFilter.counting("Count");
  private final TaskQueue queue = new TaskQueue(countingPlanner());
  private final List<Reservation> fillers = new ArrayList<>();

  private Planner countingPlanner() {
    List<PluginConfig> filters = new ArrayList<>(List.of(PluginConfig.of("Count")));
    filters.addAll(SchedulingProfile.defaults().filters());
    return new Planner(
        new SchedulingProfile("counted", filters, SchedulingProfile.defaults().scores()),
        PluginRegistry.withDefaults().register("Count", args -> counter));
  }

  private void fullFleet() {
    for (int i = 0; i < NODES; i++) {
      SimNode.named("n" + i).cpus(4).registerIn(state);
      fillers.add(state.reserve("n" + i, Resources.parse("CPU:3")));
      fillers.add(state.reserve("n" + i, Resources.parse("CPU:1")));
    }
  }

  private void add(String id, String demand) {
    queue.add(PlacementRequest.of(id, Resources.parse(demand)), Set.of(), T0);
  }

  @Test
  void schedule_oneNodeGainsTooLittle_rechecksOnlyThatNode() {
    fullFleet();
    add("t", "CPU:2");
    queue.schedule(state, T0);
    long calls = counter.calls();

    state.release(fillers.get(1)); // n0 frees CPU:1
    queue.schedule(state, T0);

    assertThat(counter.calls() - calls).isEqualTo(1);
    assertThat(queue.reason("t"))
        .contains("needs CPU:2; the most free on any node is CPU:0 (node n0)");
  }

  @Test
  void schedule_reasonOlderThanRefreshPeriod_isRecomputed() {
    fullFleet();
    add("t", "CPU:2");
    queue.schedule(state, T0);
    state.release(fillers.get(1));

    queue.schedule(state, T0.plus(UnfitShapes.REFRESH_AFTER).plusMillis(1));

    assertThat(queue.reason("t"))
        .contains("needs CPU:2; the most free on any node is CPU:1 (node n0)");
  }

  @Test
  void schedule_gainedNodeNowFits_placesWithoutWaitingForRefresh() {
    fullFleet();
    add("t", "CPU:2");
    queue.schedule(state, T0);

    state.release(fillers.get(4)); // n2 frees CPU:3

    assertThat(queue.schedule(state, T0))
        .singleElement()
        .extracting(Placement::nodeId)
        .isEqualTo("n2");
  }

  @Test
  void schedule_newNodeRegisters_shapeRechecked() {
    add("t", "CPU:1");
    queue.schedule(state, T0);
    assertThat(queue.reason("t")).contains("no alive nodes: no node has registered yet");

    SimNode.named("late").cpus(1).registerIn(state);

    assertThat(queue.schedule(state, T0)).extracting(Placement::taskId).containsExactly("t");
  }

  @Test
  void schedule_differentClusterState_forgetsCachedReasons() {
    fullFleet();
    add("t", "CPU:2");
    queue.schedule(state, T0);
    ClusterState other = new ClusterState();
    SimNode.named("fresh").cpus(8).registerIn(other);

    assertThat(queue.schedule(other, T0)).extracting(Placement::nodeId).containsExactly("fresh");
  }
}
