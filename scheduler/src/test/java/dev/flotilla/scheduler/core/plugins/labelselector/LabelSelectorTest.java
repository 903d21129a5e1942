package dev.flotilla.scheduler.core.plugins.labelselector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.scheduler.core.CycleState;
import dev.flotilla.scheduler.core.NodeView;
import dev.flotilla.scheduler.core.PlacementRequest;
import dev.flotilla.scheduler.core.PluginStatus;
import dev.flotilla.scheduler.core.Rejection;
import dev.flotilla.scheduler.core.Resources;
import dev.flotilla.scheduler.core.sim.SimNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {
  private final LabelSelector plugin = new LabelSelector();
  private final CycleState cycle = new CycleState(Instant.EPOCH);

  private static PlacementRequest selecting(Map<String, String> selector) {
    return new PlacementRequest("t", "t", Resources.none(), selector, Map.of());
  }

  private List<Rejection> rejectAll(PlacementRequest r, NodeView... nodes) {
    return Stream.of(nodes).map(n -> new Rejection(n, plugin.filter(cycle, r, n))).toList();
  }

  @Test
  void filter_matchingLabels_succeeds() {
    NodeView h100 = SimNode.named("n1").gpus("H100", 8).label("zone", "a").view();

    PluginStatus s =
        plugin.filter(cycle, selecting(Map.of("gpu.model", "H100", "zone", "a")), h100);

    assertThat(s.passed()).isTrue();
  }

  @Test
  void filter_emptySelector_succeedsOnUnlabelledNode() {
    assertThat(plugin.filter(cycle, selecting(Map.of()), SimNode.named("n1").view()).passed())
        .isTrue();
  }

  @Test
  void filter_differentValue_unresolvable() {
    NodeView a100 = SimNode.named("n1").gpus("A100", 8).view();

    PluginStatus s = plugin.filter(cycle, selecting(Map.of("gpu.model", "H100")), a100);

    assertThat(s.code()).isEqualTo(PluginStatus.Code.UNSCHEDULABLE_AND_UNRESOLVABLE);
    assertThat(s.reasons()).containsExactly("lacks label gpu.model=H100");
  }

  @Test
  void explain_noNodeHasLabel_namesItAndValuesSeen() {
    PlacementRequest r = selecting(Map.of("gpu.model", "H100"));
    List<Rejection> rejected =
        rejectAll(
            r,
            SimNode.named("n1").gpus("A100", 8).view(),
            SimNode.named("n2").gpus("L4", 8).view(),
            SimNode.named("n3").cpus(8).view());

    assertThat(plugin.explain(cycle, r, rejected, 0))
        .contains(
            "needs label gpu.model=H100; no alive node has it (gpu.model values seen: A100, L4)");
  }

  @Test
  void explain_labelsOnDifferentNodes_saysNoneHasAll() {
    PlacementRequest r = selecting(Map.of("gpu.model", "H100", "zone", "a"));
    List<Rejection> rejected =
        rejectAll(
            r,
            SimNode.named("n1").gpus("H100", 8).label("zone", "b").view(),
            SimNode.named("n2").gpus("A100", 8).label("zone", "a").view());

    assertThat(plugin.explain(cycle, r, rejected, 0))
        .contains("needs labels gpu.model=H100, zone=a; no alive node has all of them");
  }

  @Test
  void explain_otherNodesMatched_countsRejected() {
    PlacementRequest r = selecting(Map.of("gpu.model", "H100"));
    List<Rejection> rejected =
        rejectAll(r, SimNode.named("n1").gpus("A100", 8).view(), SimNode.named("n2").view());

    assertThat(plugin.explain(cycle, r, rejected, 5)).contains("2 nodes lack label gpu.model=H100");
  }
}
