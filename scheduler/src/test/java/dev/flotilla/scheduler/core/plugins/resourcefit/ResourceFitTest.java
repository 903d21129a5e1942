package dev.flotilla.scheduler.core.plugins.resourcefit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.scheduler.core.ClusterState;
import dev.flotilla.scheduler.core.CycleState;
import dev.flotilla.scheduler.core.NodeView;
import dev.flotilla.scheduler.core.PlacementRequest;
import dev.flotilla.scheduler.core.PluginStatus;
import dev.flotilla.scheduler.core.Rejection;
import dev.flotilla.scheduler.core.Resources;
import dev.flotilla.scheduler.core.sim.SimNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ResourceFitTest {
  private final ResourceFit plugin = new ResourceFit();
  private final CycleState cycle = new CycleState(Instant.EPOCH);

  private static PlacementRequest needs(String demand) {
    return PlacementRequest.of("t", Resources.parse(demand));
  }

  private PluginStatus filter(String demand, NodeView node) {
    return plugin.filter(cycle, needs(demand), node);
  }

  private Optional<String> explain(String demand, NodeView... nodes) {
    PlacementRequest r = needs(demand);
    List<Rejection> rejected =
        Stream.of(nodes).map(n -> new Rejection(n, plugin.filter(cycle, r, n))).toList();
    assertThat(rejected).allSatisfy(rej -> assertThat(rej.status().passed()).isFalse());
    return plugin.explain(cycle, r, rejected, 0);
  }

  @Test
  void filter_enoughOfEverything_succeeds() {
    NodeView n = SimNode.named("n1").cpus(8).gpus(2).memoryMb(4096).resource("tpu", 1).view();

    assertThat(filter("CPU:8, GPU:2, memory_mb:4096, tpu:1", n).passed()).isTrue();
  }

  @Test
  void filter_customResourceMissing_unschedulable() {
    PluginStatus s = filter("CPU:1, tpu:1", SimNode.named("n1").cpus(8).view());

    assertThat(s.code()).isEqualTo(PluginStatus.Code.UNSCHEDULABLE);
    assertThat(s.reasons()).containsExactly("insufficient tpu");
  }

  @Test
  void filter_fractionLargerThanAnySingleDeviceShare_unschedulable() {
    ClusterState state = new ClusterState();
    SimNode.named("n1").gpus(2).registerIn(state);
    state.reserve("n1", Resources.parse("GPU:0.6"));
    state.reserve("n1", Resources.parse("GPU:0.6"));
    NodeView n = state.node("n1").orElseThrow();

    assertThat(filter("GPU:0.5", n).reasons()).containsExactly("no GPU device arrangement fits");
    assertThat(filter("GPU:0.4", n).passed()).isTrue();
  }

  @Test
  void filter_wholeGpuWithOnlyPartlyUsedDevices_unschedulable() {
    NodeView n =
        new NodeView(
            "n1",
            "",
            Resources.parse("GPU:2"),
            Resources.parse("GPU:1"),
            java.util.Map.of(),
            true,
            List.of(0.5, 0.5));

    assertThat(filter("GPU:1", n).passed()).isFalse();
    assertThat(filter("GPU:0.5", n).passed()).isTrue();
  }

  @Test
  void explain_noNodeHasResource_saysSo() {
    assertThat(
            explain(
                "GPU:1", SimNode.named("n1").cpus(8).view(), SimNode.named("n2").cpus(8).view()))
        .contains("needs GPU:1, no node has GPU");
  }

  @Test
  void explain_everyNodeTooSmall_namesLargest() {
    assertThat(
            explain(
                "CPU:128", SimNode.named("n1").cpus(8).view(), SimNode.named("n7").cpus(64).view()))
        .contains("needs CPU:128; the largest node has CPU:64 (node n7)");
  }

  @Test
  void explain_busyFleet_namesMostFreeNode() {
    NodeView n1 = SimNode.named("n1").cpus(8).viewUsing(Resources.parse("CPU:7"));
    NodeView n3 = SimNode.named("n3").cpus(8).viewUsing(Resources.parse("CPU:6"));

    assertThat(explain("CPU:4", n1, n3))
        .contains("needs CPU:4; the most free on any node is CPU:2 (node n3)");
  }

  @Test
  void explain_fractionSplitAcrossDevices_namesBestSingleDevice() {
    NodeView n =
        new NodeView(
            "n3",
            "",
            Resources.parse("GPU:2"),
            Resources.parse("GPU:0.5"),
            java.util.Map.of(),
            true,
            List.of(0.25, 0.25));

    assertThat(explain("GPU:0.5", n))
        .contains("needs GPU:0.5 of one device; the most free on any single GPU is 0.25 (node n3)");
  }

  @Test
  void explain_wholeGpusWithoutFreeDevices_countsFullyFree() {
    NodeView n =
        new NodeView(
            "n3",
            "",
            Resources.parse("GPU:3"),
            Resources.parse("GPU:2"),
            java.util.Map.of(),
            true,
            List.of(1.0, 0.5, 0.5));

    assertThat(explain("GPU:2", n))
        .contains(
            "needs GPU:2 as whole devices; the most fully free GPUs on any node is 1 (node n3)");
  }

  @Test
  void explain_eachResourceFreeSomewhereButNotTogether_saysNotAtOnce() {
    NodeView cpuFree =
        SimNode.named("n1").cpus(8).memoryMb(100).viewUsing(Resources.parse("memory_mb:100"));
    NodeView memFree =
        SimNode.named("n2").cpus(8).memoryMb(100).viewUsing(Resources.parse("CPU:8"));

    assertThat(explain("CPU:4, memory_mb:50", cpuFree, memFree))
        .contains("needs CPU:4, memory_mb:50; no node has all of it free at once");
  }

  @Test
  void explain_laterFilterRan_countsRejectedNodes() {
    PlacementRequest r = needs("CPU:4");
    NodeView n = SimNode.named("n1").cpus(2).view();
    List<Rejection> rejected = List.of(new Rejection(n, plugin.filter(cycle, r, n)));

    assertThat(plugin.explain(cycle, r, rejected, 4)).contains("1 node lacks free CPU:4");
  }
}
