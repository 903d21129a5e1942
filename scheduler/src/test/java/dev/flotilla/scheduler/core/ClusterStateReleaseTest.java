package dev.flotilla.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.scheduler.core.sim.SimNode;
import org.junit.jupiter.api.Test;

class ClusterStateReleaseTest {
  private final ClusterState state = new ClusterState();

  private NodeView node(String id) {
    return state.node(id).orElseThrow();
  }

  @Test
  void release_heldReservation_returnsResourcesAndDevices() {
    SimNode.named("n1").cpus(8).gpus(2).memoryMb(1024).registerIn(state);
    Reservation r = state.reserve("n1", Resources.parse("CPU:2, GPU:1, memory_mb:512"));

    assertThat(state.release(r)).isTrue();

    assertThat(node("n1").available()).isEqualTo(node("n1").total());
    assertThat(node("n1").gpuFreeByDevice()).containsExactly(1.0, 1.0);
  }

  @Test
  void release_twice_secondIsNoOp() {
    SimNode.named("n1").cpus(8).registerIn(state);
    Reservation r = state.reserve("n1", Resources.parse("CPU:2"));
    state.release(r);

    assertThat(state.release(r)).isFalse();
    assertThat(node("n1").available().get("CPU")).isEqualTo(8);
  }

  @Test
  void release_equalReservations_areCountedSeparately() {
    SimNode.named("n1").cpus(8).registerIn(state);
    Reservation a = state.reserve("n1", Resources.parse("CPU:2"));
    Reservation b = state.reserve("n1", Resources.parse("CPU:2"));

    assertThat(a).isEqualTo(b);
    assertThat(state.reservations("n1")).hasSize(2);
    assertThat(state.release(a)).isTrue();
    assertThat(state.release(b)).isTrue();
    assertThat(state.release(b)).isFalse();
  }

  @Test
  void releaseCpuWhileBlocked_returnsCpuButKeepsGpuAndMemory() {
    SimNode.named("n1").cpus(4).gpus(1).memoryMb(100).registerIn(state);
    Reservation r = state.reserve("n1", Resources.parse("CPU:4, GPU:1, memory_mb:100"));

    assertThat(state.releaseCpuWhileBlocked(r)).isTrue();
    assertThat(state.releaseCpuWhileBlocked(r)).isFalse();

    assertThat(node("n1").available()).isEqualTo(Resources.parse("CPU:4"));
  }

  @Test
  void reacquireCpu_afterOthersTookIt_overCommits() {
    SimNode.named("n1").cpus(4).registerIn(state);
    Reservation blocked = state.reserve("n1", Resources.parse("CPU:4"));
    state.releaseCpuWhileBlocked(blocked);
    state.reserve("n1", Resources.parse("CPU:4"));

    assertThat(state.reacquireCpu(blocked)).isTrue();

    assertThat(node("n1").available().get("CPU")).isEqualTo(-4);
    assertThat(state.reacquireCpu(blocked)).isFalse();
  }

  @Test
  void release_whileBlocked_returnsCpuOnlyOnce() {
    SimNode.named("n1").cpus(4).registerIn(state);
    Reservation r = state.reserve("n1", Resources.parse("CPU:3"));
    state.releaseCpuWhileBlocked(r);

    state.release(r);

    assertThat(node("n1").available().get("CPU")).isEqualTo(4);
  }

  @Test
  void markDead_thenRelease_stillReturnsResources() {
    SimNode.named("n1").cpus(4).registerIn(state);
    Reservation r = state.reserve("n1", Resources.parse("CPU:3"));

    state.markDead("n1");

    assertThat(node("n1").alive()).isFalse();
    assertThat(state.release(r)).isTrue();
    assertThat(node("n1").available().get("CPU")).isEqualTo(4);
  }

  @Test
  void upsertNode_reRegistration_revivesAndKeepsReservations() {
    SimNode.named("n1").cpus(4).gpus(2).registerIn(state);
    Reservation r = state.reserve("n1", Resources.parse("CPU:1, GPU:0.5"));
    state.markDead("n1");

    SimNode.named("n1").cpus(8).gpus(2).registerIn(state);

    assertThat(node("n1").alive()).isTrue();
    assertThat(node("n1").available()).isEqualTo(Resources.parse("CPU:7, GPU:1.5"));
    assertThat(node("n1").gpuFreeByDevice()).containsExactly(0.5, 1.0);
    assertThat(state.release(r)).isTrue();
  }

  @Test
  void upsertNode_unchangedHeartbeat_changesNothing() {
    SimNode.named("n1").cpus(4).registerIn(state);
    state.reserve("n1", Resources.parse("CPU:1"));
    long version = state.version();

    SimNode.named("n1").cpus(4).registerIn(state);

    assertThat(state.version()).isEqualTo(version);
    assertThat(state.nodesGainedSince(version)).isEmpty();
    assertThat(node("n1").available().get("CPU")).isEqualTo(3);
  }

  @Test
  void nodesGainedSince_releaseAndRegistration_countButReserveAndDeathDoNot() {
    SimNode.named("n1").cpus(4).registerIn(state);
    SimNode.named("n2").cpus(4).registerIn(state);
    Reservation r = state.reserve("n1", Resources.parse("CPU:1"));
    long before = state.version();

    state.reserve("n2", Resources.parse("CPU:1"));
    state.markDead("n2");
    state.release(r);
    SimNode.named("n3").cpus(4).registerIn(state);

    assertThat(state.nodesGainedSince(before))
        .extracting(NodeView::nodeId)
        .containsExactly("n1", "n3");
  }

  @Test
  void removeNode_thenRelease_isNoOp() {
    SimNode.named("n1").cpus(4).registerIn(state);
    Reservation r = state.reserve("n1", Resources.parse("CPU:1"));

    assertThat(state.removeNode("n1")).isTrue();

    assertThat(state.release(r)).isFalse();
    assertThat(state.nodes()).isEmpty();
  }

  @Test
  void version_everyMutation_increases() {
    long v0 = state.version();
    SimNode.named("n1").cpus(4).registerIn(state);
    long v1 = state.version();
    Reservation r = state.reserve("n1", Resources.parse("CPU:1"));
    long v2 = state.version();
    state.release(r);

    assertThat(v0).isLessThan(v1);
    assertThat(v1).isLessThan(v2);
    assertThat(v2).isLessThan(state.version());
  }
}
