package dev.flotilla.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flotilla.scheduler.core.sim.ClusterInvariants;
import dev.flotilla.scheduler.core.sim.SimNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterStateTest {
  private final ClusterState state = new ClusterState();

  private NodeView node(String id) {
    return state.node(id).orElseThrow();
  }

  @Test
  void upsertNode_new_isAliveWithEverythingFree() {
    SimNode.named("n1").cpus(8).gpus("H100", 2).registerIn(state);

    NodeView n = node("n1");
    assertThat(n.alive()).isTrue();
    assertThat(n.available()).isEqualTo(n.total());
    assertThat(n.total().get("GPU")).isEqualTo(2);
    assertThat(n.gpuFreeByDevice()).containsExactly(1.0, 1.0);
    assertThat(n.labels()).containsEntry("gpu.model", "H100");
  }

  @Test
  void upsertNode_gpuAmountDisagreesWithDevices_throws() {
    assertThatThrownBy(() -> state.upsertNode("n1", "a", Resources.parse("GPU:4"), Map.of(), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GPU:4 but 2 GPU devices");
  }

  @Test
  void reserve_wholeGpus_takeLowestFullyFreeDevices() {
    SimNode.named("n1").cpus(8).gpus(4).registerIn(state);
    state.reserve("n1", Resources.parse("GPU:0.5"));

    Reservation r = state.reserve("n1", Resources.parse("CPU:1, GPU:2"));

    assertThat(r.gpuIndices()).containsExactly(1, 2);
    assertThat(node("n1").gpuFreeByDevice()).containsExactly(0.5, 0.0, 0.0, 1.0);
  }

  @Test
  void reserve_fractions_packOntoMostUsedDeviceThatFits() {
    SimNode.named("n1").gpus(2).registerIn(state);

    Reservation a = state.reserve("n1", Resources.parse("GPU:0.5"));
    Reservation b = state.reserve("n1", Resources.parse("GPU:0.25"));
    Reservation c = state.reserve("n1", Resources.parse("GPU:0.5"));

    assertThat(a.gpuIndices()).containsExactly(0);
    assertThat(b.gpuIndices()).containsExactly(0);
    assertThat(c.gpuIndices()).containsExactly(1);
    ClusterInvariants.check(state);
  }

  @Test
  void reserve_enoughGpuInTotalButNoFreeDevice_throws() {
    SimNode.named("n1").gpus(3).registerIn(state);
    state.reserve("n1", Resources.parse("GPU:0.5"));
    state.reserve("n1", Resources.parse("GPU:0.6"));
    state.reserve("n1", Resources.parse("GPU:0.7"));

    assertThat(node("n1").available().get("GPU")).isCloseTo(1.2, within(1e-9));
    assertThatThrownBy(() -> state.reserve("n1", Resources.parse("GPU:1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no GPU device arrangement");
  }

  @Test
  void reserve_moreThanAvailable_throwsAndChangesNothing() {
    SimNode.named("n1").cpus(2).registerIn(state);
    long version = state.version();

    assertThatThrownBy(() -> state.reserve("n1", Resources.parse("CPU:3")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no longer fits CPU:3");
    assertThat(state.version()).isEqualTo(version);
  }

  @Test
  void reserve_deadOrUnknownNode_throws() {
    SimNode.named("n1").cpus(2).registerIn(state);
    state.markDead("n1");

    assertThatThrownBy(() -> state.reserve("n1", Resources.parse("CPU:1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dead");
    assertThatThrownBy(() -> state.reserve("n9", Resources.parse("CPU:1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not registered");
  }

  @Test
  void reserve_invalidGpuShape_throwsIllegalArgument() {
    SimNode.named("n1").gpus(4).registerIn(state);

    assertThatThrownBy(() -> state.reserve("n1", Resources.parse("GPU:1.5")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
