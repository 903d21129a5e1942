package dev.flotilla.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.scheduler.core.SchedulingProfile.PluginConfig;
import dev.flotilla.scheduler.core.plugins.resourcefit.ResourceFit;
import dev.flotilla.scheduler.core.sim.SimNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerTest {
  private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
  private final ClusterState state = new ClusterState();
  private final Planner planner = Planner.withDefaults();

  private PlacementDecision plan(PlacementRequest request) {
    return planner.plan(state, request, NOW);
  }

  @Test
  void plan_noNodes_saysNoAliveNodes() {
    PlacementDecision d = plan(PlacementRequest.of("t", Resources.parse("CPU:1")));

    assertThat(d)
        .isEqualTo(new PlacementDecision.Unplaceable("no alive nodes: no node has registered yet"));
  }

  @Test
  void plan_allNodesDead_saysNoAliveNodes() {
    SimNode.named("n1").cpus(4).registerIn(state);
    SimNode.named("n2").cpus(4).registerIn(state);
    state.markDead("n1");
    state.markDead("n2");

    assertThat(plan(PlacementRequest.of("t", Resources.parse("CPU:1"))))
        .isEqualTo(new PlacementDecision.Unplaceable("no alive nodes (2 nodes are dead)"));
  }

  @Test
  void plan_oneNodeFits_placesThere() {
    SimNode.named("small").cpus(2).registerIn(state);
    SimNode.named("big").cpus(16).registerIn(state);

    assertThat(plan(PlacementRequest.of("t", Resources.parse("CPU:8"))))
        .isEqualTo(new PlacementDecision.Placed("big"));
  }

  @Test
  void plan_identicalNodes_firstRegisteredWins() {
    SimNode.named("b").cpus(4).registerIn(state);
    SimNode.named("a").cpus(4).registerIn(state);

    assertThat(plan(PlacementRequest.of("t", Resources.parse("CPU:1"))))
        .isEqualTo(new PlacementDecision.Placed("b"));
  }

  @Test
  void plan_labelAndResourceRejections_combinesClausesLastFilterFirst() {
    SimNode.named("n1").cpus(2).gpus("H100", 1).registerIn(state);
    SimNode.named("n2").cpus(64).gpus("A100", 1).registerIn(state);
    PlacementRequest r =
        new PlacementRequest(
            "t", "t", Resources.parse("CPU:4"), Map.of("gpu.model", "H100"), Map.of());

    assertThat(plan(r))
        .isEqualTo(
            new PlacementDecision.Unplaceable(
                "needs CPU:4; the largest node has CPU:2 (node n1); 1 node lacks label"
                    + " gpu.model=H100"));
  }

  @Test
  void plan_filterThrows_nodeRejectedWithError() {
    SimNode.named("n1").cpus(2).registerIn(state);
    PluginRegistry registry =
        new PluginRegistry()
            .register(
                "Boom",
                args ->
                    new TestingFilter(
                        "Boom",
                        (r, n) -> {
                          throw new IllegalStateException("kaput");
                        }));
    Planner boom =
        new Planner(
            new SchedulingProfile("p", List.of(PluginConfig.of("Boom")), List.of()), registry);

    assertThat(boom.plan(state, PlacementRequest.of("t", Resources.none()), NOW))
        .isEqualTo(
            new PlacementDecision.Unplaceable("Boom rejected 1 node (plugin failed: kaput)"));
  }

  @Test
  void plan_scoreWeights_decideBetweenNodes() {
    SimNode.named("packed").cpus(8).registerIn(state);
    SimNode.named("local").cpus(8).registerIn(state);
    state.reserve("packed", Resources.parse("CPU:3"));
    PlacementRequest r =
        PlacementRequest.of("t", Resources.parse("CPU:1"))
            .withArgBytes(Map.of("local", 10_000_000L));

    assertThat(plan(r)).isEqualTo(new PlacementDecision.Placed("local"));
    Planner hybridOnly =
        new Planner(
            new SchedulingProfile(
                "p",
                SchedulingProfile.defaults().filters(),
                List.of(PluginConfig.of("HybridPackSpread"))));
    assertThat(hybridOnly.plan(state, r, NOW)).isEqualTo(new PlacementDecision.Placed("packed"));
  }

  @Test
  void constructor_scorePluginListedAsFilter_throws() {
    SchedulingProfile p =
        new SchedulingProfile("p", List.of(PluginConfig.of("Locality")), List.of());

    assertThatThrownBy(() -> new Planner(p))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("plugin Locality is not a FilterPlugin");
  }

  @Test
  void plan_snapshotOfViews_needsNoClusterState() {
    NodeView busy = SimNode.named("n1").cpus(4).viewUsing(Resources.parse("CPU:4"));

    assertThat(planner.plan(List.of(busy), PlacementRequest.of("t", Resources.parse("CPU:1")), NOW))
        .isEqualTo(
            new PlacementDecision.Unplaceable(
                "needs CPU:1; the most free on any node is CPU:0 (node n1)"));
    assertThat(ResourceFit.NAME).isEqualTo("ResourceFit");
  }
}
