package dev.flotilla.scheduler.core.plugins.hybrid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.scheduler.core.CycleState;
import dev.flotilla.scheduler.core.NodeView;
import dev.flotilla.scheduler.core.PlacementRequest;
import dev.flotilla.scheduler.core.Resources;
import dev.flotilla.scheduler.core.sim.SimNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HybridPackSpreadTest {
  private final HybridPackSpread plugin = new HybridPackSpread();
  private final CycleState cycle = new CycleState(Instant.EPOCH);
  private final PlacementRequest oneCpu = PlacementRequest.of("t", Resources.parse("CPU:1"));

  private int score(PlacementRequest r, NodeView n) {
    return plugin.score(cycle, r, n);
  }

  private static NodeView cpuNode(String id, double usedCpus) {
    return SimNode.named(id).cpus(10).viewUsing(Resources.parse("CPU:" + usedCpus));
  }

  @Test
  void score_belowThreshold_prefersMoreUtilisedNode() {
    assertThat(score(oneCpu, cpuNode("busier", 3)))
        .isGreaterThan(score(oneCpu, cpuNode("idle", 0)));
  }

  @Test
  void score_aboveThreshold_prefersLessUtilisedNode() {
    assertThat(score(oneCpu, cpuNode("a", 6))).isGreaterThan(score(oneCpu, cpuNode("b", 8)));
  }

  @Test
  void score_anyNodeBelowThreshold_beatsEveryNodeAboveIt() {
    assertThat(score(oneCpu, cpuNode("idle", 0))).isGreaterThan(score(oneCpu, cpuNode("over", 5)));
  }

  @Test
  void score_cpuTask_prefersNodeWithoutGpus() {
    NodeView gpuNode = SimNode.named("g").cpus(10).gpus(8).viewUsing(Resources.parse("CPU:4"));
    NodeView cpuNode = cpuNode("c", 9);

    assertThat(score(oneCpu, cpuNode)).isGreaterThan(score(oneCpu, gpuNode));
  }

  @Test
  void score_gpuTask_gpuNodesNotPenalised() {
    PlacementRequest gpuTask = PlacementRequest.of("t", Resources.parse("CPU:1, GPU:1"));
    NodeView gpuNode = SimNode.named("g").cpus(10).gpus(8).view();

    assertThat(score(gpuTask, gpuNode)).isGreaterThanOrEqualTo(40);
  }

  @Test
  void utilisationAfter_criticalResource_isMaxShare() {
    NodeView n =
        SimNode.named("n").cpus(10).memoryMb(100).viewUsing(Resources.parse("memory_mb:70"));

    assertThat(HybridPackSpread.utilisationAfter(Resources.parse("CPU:1, memory_mb:10"), n))
        .isCloseTo(0.8, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void score_thresholdZero_alwaysSpreads() {
    HybridPackSpread spread = HybridPackSpread.fromArgs(Map.of("spreadThreshold", "0"));

    assertThat(spread.score(cycle, oneCpu, cpuNode("idle", 0)))
        .isGreaterThan(spread.score(cycle, oneCpu, cpuNode("busy", 3)));
  }

  @Test
  void constructor_thresholdOutOfRange_throws() {
    assertThatThrownBy(() -> new HybridPackSpread(1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
