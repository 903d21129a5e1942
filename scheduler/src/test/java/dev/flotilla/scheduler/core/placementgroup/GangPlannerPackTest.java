package dev.flotilla.scheduler.core.placementgroup;

import static dev.flotilla.scheduler.core.placementgroup.Gangs.fleet;
import static dev.flotilla.scheduler.core.placementgroup.Gangs.group;
import static dev.flotilla.scheduler.core.placementgroup.Gangs.nodesOf;
import static dev.flotilla.scheduler.core.placementgroup.Gangs.reasonOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.scheduler.core.ClusterState;
import dev.flotilla.scheduler.core.Resources;
import dev.flotilla.scheduler.core.sim.SimNode;
import org.junit.jupiter.api.Test;

/** PACK and STRICT_PACK, and the reasons shared by every strategy. */
class GangPlannerPackTest {
  private final GangPlanner planner = new GangPlanner();

  private GangDecision plan(ClusterState state, PlacementGroupRequest r) {
    return planner.plan(state.nodes(), r);
  }

  @Test
  void plan_packOneNodeHoldsAll_placesEveryBundleThere() {
    ClusterState state = fleet(SimNode.named("a").cpus(4), SimNode.named("b").cpus(8));

    GangDecision d = plan(state, group(Strategy.PACK, "CPU:2", "CPU:2", "CPU:2"));

    assertThat(nodesOf(d)).containsExactly("b", "b", "b");
  }

  @Test
  void plan_packSeveralNodesHoldAll_picksTheTightest() {
    ClusterState state = fleet(SimNode.named("roomy").cpus(8), SimNode.named("snug").cpus(6));

    GangDecision d = plan(state, group(Strategy.PACK, "CPU:2", "CPU:2", "CPU:2"));

    assertThat(nodesOf(d)).containsExactly("snug", "snug", "snug");
  }

  @Test
  void plan_packNoNodeHoldsAll_usesFewestNodes() {
    ClusterState state =
        fleet(SimNode.named("a").cpus(4), SimNode.named("b").cpus(2), SimNode.named("c").cpus(4));

    GangDecision d = plan(state, group(Strategy.PACK, "CPU:2", "CPU:2", "CPU:2", "CPU:2"));

    assertThat(nodesOf(d)).containsExactly("a", "a", "c", "c");
  }

  @Test
  void plan_packNotEnoughRoomInAll_saysHowManyFit() {
    ClusterState state = fleet(SimNode.named("a").cpus(2), SimNode.named("b").cpus(2));

    GangDecision d = plan(state, group(Strategy.PACK, "CPU:2", "CPU:2", "CPU:2"));

    assertThat(reasonOf(d))
        .isEqualTo(
            "PACK needs CPU:6 for 3 bundles; at most 2 of them fit on the alive nodes at once"
                + " (free in all: CPU:4)");
  }

  @Test
  void plan_strictPackOneNodeFits_placesAllThere() {
    ClusterState state =
        fleet(SimNode.named("a").cpus(2).gpus(1), SimNode.named("b").cpus(8).gpus(4));

    GangDecision d = plan(state, group(Strategy.STRICT_PACK, "CPU:1, GPU:1", "CPU:1, GPU:1"));

    assertThat(nodesOf(d)).containsExactly("b", "b");
  }

  @Test
  void plan_strictPackNoSingleNodeFits_unplaceableEvenThoughTwoNodesWould() {
    ClusterState state = fleet(SimNode.named("a").cpus(4), SimNode.named("b").cpus(4));

    GangDecision d = plan(state, group(Strategy.STRICT_PACK, "CPU:3", "CPU:3"));

    assertThat(reasonOf(d))
        .isEqualTo(
            "STRICT_PACK needs CPU:6 on one node for 2 bundles; at most 1 of them fits on any"
                + " alive node");
    assertThat(nodesOf(plan(state, group(Strategy.PACK, "CPU:3", "CPU:3"))))
        .containsExactly("a", "b");
  }

  @Test
  void plan_strictPackGpuDevicesTooFragmented_unplaceable() {
    ClusterState state = fleet(SimNode.named("a").cpus(8).gpus(3));
    state.reserve("a", Resources.parse("GPU:0.6"));
    state.reserve("a", Resources.parse("GPU:0.6"));

    // 1.8 GPUs are free, but as 0.4 + 0.4 + 1 on three devices
    GangDecision d = plan(state, group(Strategy.STRICT_PACK, "GPU:1", "GPU:0.5"));

    assertThat(reasonOf(d))
        .isEqualTo(
            "STRICT_PACK needs GPU:1.5 on one node for 2 bundles; at most 1 of them fits on any"
                + " alive node");
  }

  @Test
  void plan_bundleFitsNowhere_namesTheBundleAndTheLargestNode() {
    ClusterState state = fleet(SimNode.named("a").cpus(4), SimNode.named("b").cpus(2));

    GangDecision d = plan(state, group(Strategy.PACK, "CPU:1", "CPU:8"));

    assertThat(reasonOf(d))
        .isEqualTo(
            "bundle 1 (CPU:8) fits on no alive node: needs CPU:8; the largest node has CPU:4"
                + " (node a)");
  }

  @Test
  void plan_deadNodes_areNeverUsed() {
    ClusterState state = fleet(SimNode.named("a").cpus(8), SimNode.named("b").cpus(8));
    state.markDead("a");

    assertThat(nodesOf(plan(state, group(Strategy.PACK, "CPU:1", "CPU:1"))))
        .containsExactly("b", "b");
  }

  @Test
  void plan_allNodesDead_saysSo() {
    ClusterState state = fleet(SimNode.named("a").cpus(8));
    state.markDead("a");

    assertThat(reasonOf(plan(state, group(Strategy.PACK, "CPU:1"))))
        .isEqualTo("no alive nodes (1 node is dead)");
  }

  @Test
  void plan_noNodes_saysNoneRegistered() {
    assertThat(reasonOf(plan(new ClusterState(), group(Strategy.SPREAD, "CPU:1"))))
        .isEqualTo("no alive nodes: no node has registered yet");
  }
}
