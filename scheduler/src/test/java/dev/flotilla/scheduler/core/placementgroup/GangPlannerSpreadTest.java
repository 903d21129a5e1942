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

/** SPREAD and STRICT_SPREAD. */
class GangPlannerSpreadTest {
  private final GangPlanner planner = new GangPlanner();

  private GangDecision plan(ClusterState state, PlacementGroupRequest r) {
    return planner.plan(state.nodes(), r);
  }

  @Test
  void plan_spreadEnoughNodes_onePerNode() {
    ClusterState state =
        fleet(SimNode.named("a").cpus(4), SimNode.named("b").cpus(4), SimNode.named("c").cpus(4));

    GangDecision d = plan(state, group(Strategy.SPREAD, "CPU:1", "CPU:1", "CPU:1"));

    assertThat(nodesOf(d)).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void plan_spreadPartlyUsedNode_prefersIdleNodes() {
    ClusterState state =
        fleet(
            SimNode.named("busy").cpus(4), SimNode.named("b").cpus(4), SimNode.named("c").cpus(4));
    state.reserve("busy", Resources.parse("CPU:3"));

    GangDecision d = plan(state, group(Strategy.SPREAD, "CPU:1", "CPU:1"));

    assertThat(nodesOf(d)).containsExactlyInAnyOrder("b", "c");
  }

  @Test
  void plan_spreadMoreBundlesThanNodes_usesEveryNodeThenDoublesUp() {
    ClusterState state = fleet(SimNode.named("a").cpus(4), SimNode.named("b").cpus(4));

    GangDecision d = plan(state, group(Strategy.SPREAD, "CPU:1", "CPU:1", "CPU:1"));

    assertThat(nodesOf(d)).containsOnly("a", "b").contains("a", "b");
  }

  @Test
  void plan_spreadNotEnoughRoom_saysHowManyFit() {
    ClusterState state = fleet(SimNode.named("a").cpus(1));

    GangDecision d = plan(state, group(Strategy.SPREAD, "CPU:1", "CPU:1"));

    assertThat(reasonOf(d))
        .isEqualTo(
            "SPREAD needs CPU:2 for 2 bundles; at most 1 of them fits on the alive nodes at once"
                + " (free in all: CPU:1)");
  }

  @Test
  void plan_strictSpreadEnoughNodes_distinctNodes() {
    ClusterState state =
        fleet(
            SimNode.named("a").cpus(4).gpus(1),
            SimNode.named("b").cpus(4).gpus(1),
            SimNode.named("c").cpus(4).gpus(1));

    GangDecision d =
        plan(state, group(Strategy.STRICT_SPREAD, "CPU:1, GPU:1", "CPU:1, GPU:1", "CPU:1, GPU:1"));

    assertThat(nodesOf(d)).containsExactlyInAnyOrder("a", "b", "c");
  }

  @Test
  void plan_strictSpreadFewerNodesThanBundles_unplaceableWithReason() {
    ClusterState state =
        fleet(
            SimNode.named("g1").cpus(4).gpus(1),
            SimNode.named("g2").cpus(4).gpus(1),
            SimNode.named("cpu").cpus(64));

    GangDecision d =
        plan(state, group(Strategy.STRICT_SPREAD, "CPU:1, GPU:1", "CPU:1, GPU:1", "CPU:1, GPU:1"));

    assertThat(reasonOf(d))
        .isEqualTo(
            "STRICT_SPREAD needs 3 distinct nodes each with CPU:1, GPU:1; only 2 alive nodes have"
                + " room");
  }

  @Test
  void plan_strictSpreadOneNodeFitsOnlyOneBundle_givesItToThatBundle() {
    ClusterState state = fleet(SimNode.named("gpu").cpus(4).gpus(1), SimNode.named("cpu").cpus(4));

    GangDecision d = plan(state, group(Strategy.STRICT_SPREAD, "CPU:1", "CPU:1, GPU:1"));

    assertThat(nodesOf(d)).containsExactly("cpu", "gpu");
  }

  @Test
  void plan_strictSpreadGreedyChoiceWouldStrandABundle_findsTheOnlyLayout() {
    // bundle k needs custom resource rk; node order makes a greedy pick strand bundle 3
    ClusterState state =
        fleet(
            SimNode.named("n0").resource("r0", 1),
            SimNode.named("n1").resource("r0", 1).resource("r1", 1).resource("r3", 1),
            SimNode.named("n2").resource("r0", 1).resource("r2", 1).resource("r3", 1),
            SimNode.named("n3").resource("r0", 1).resource("r2", 1));

    GangDecision d = plan(state, group(Strategy.STRICT_SPREAD, "r0:1", "r1:1", "r2:1", "r3:1"));

    assertThat(nodesOf(d)).containsExactly("n0", "n1", "n3", "n2");
  }

  @Test
  void plan_strictSpreadMixedBundlesTooFewFittingNodes_saysHowManyFitApart() {
    ClusterState state = fleet(SimNode.named("a").cpus(8).gpus(1), SimNode.named("b").cpus(8));

    GangDecision d = plan(state, group(Strategy.STRICT_SPREAD, "GPU:1", "GPU:1", "CPU:1"));

    assertThat(reasonOf(d))
        .isEqualTo(
            "STRICT_SPREAD needs 3 distinct nodes, one per bundle; at most 2 of the bundles fit on"
                + " distinct alive nodes at once");
  }

  @Test
  void plan_strictSpreadDeadNode_notCounted() {
    ClusterState state = fleet(SimNode.named("a").cpus(4), SimNode.named("b").cpus(4));
    state.markDead("b");

    GangDecision d = plan(state, group(Strategy.STRICT_SPREAD, "CPU:1", "CPU:1"));

    assertThat(reasonOf(d))
        .isEqualTo(
            "STRICT_SPREAD needs 2 distinct nodes each with CPU:1; only 1 alive node has room");
  }
}
