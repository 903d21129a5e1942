package dev.flotilla.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.scheduler.core.plugins.resourcefit.ResourceFit;
import dev.flotilla.scheduler.core.sim.ClusterInvariants;
import dev.flotilla.scheduler.core.sim.SimNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random reserve / release / block sequences never break the books. */
class ClusterStatePropertyTest {
  private static final List<SimNode> FLEET =
      List.of(
          SimNode.named("cpu").cpus(8).memoryMb(1024),
          SimNode.named("gpu1").cpus(8).gpus(1).memoryMb(1024),
          SimNode.named("gpu2").cpus(4).gpus(2),
          SimNode.named("gpu8").cpus(32).gpus("H100", 8).memoryMb(4096));

  /**
   * One step: {@code kind} 0-5 reserve, 6-7 release, 8 block, 9 reacquire; {@code pick} chooses.
   */
  record Op(int kind, int pick, Resources demand) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Resources> demand =
        Combinators.combine(
                Arbitraries.of(0.0, 0.5, 1.0, 2.0, 4.0),
                Arbitraries.of(0.0, 0.1, 0.25, 0.3, 0.5, 0.75, 1.0, 2.0, 3.0),
                Arbitraries.of(0.0, 128.0, 512.0))
            .as(
                (cpu, gpu, mem) ->
                    Resources.parse("CPU:" + cpu + ", GPU:" + gpu + ", memory_mb:" + mem));
    return Combinators.combine(
            Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 1000), demand)
        .as(Op::new)
        .list()
        .ofMaxSize(200);
  }

  private static ClusterState fleet() {
    ClusterState state = new ClusterState();
    FLEET.forEach(n -> n.registerIn(state));
    return state;
  }

  @Property(tries = 300)
  void reserveAndRelease_anySequence_noDeviceOvercommittedNothingNegative(
      @ForAll("ops") List<Op> ops) {
    ClusterState state = fleet();
    List<Reservation> held = new ArrayList<>();
    for (Op op : ops) {
      if (op.kind() < 6) {
        reserveAsPredicted(state, op, held);
      } else if (!held.isEmpty()) {
        assertThat(state.release(held.remove(op.pick() % held.size()))).isTrue();
      }
      ClusterInvariants.check(state);
    }
    held.forEach(state::release);
    assertEverythingFree(state);
  }

  @Property(tries = 200)
  void blockedTasks_anySequence_gpuAndMemoryNeverOvercommitted(@ForAll("ops") List<Op> ops) {
    ClusterState state = fleet();
    List<Reservation> held = new ArrayList<>();
    for (Op op : ops) {
      Reservation some = held.isEmpty() ? null : held.get(op.pick() % held.size());
      switch (op.kind()) {
        case 6, 7 -> {
          if (some != null) {
            held.remove(some);
            state.release(some);
          }
        }
        case 8 -> {
          if (some != null) {
            state.releaseCpuWhileBlocked(some);
          }
        }
        case 9 -> {
          if (some != null) {
            state.reacquireCpu(some);
          }
        }
        default -> reserveAsPredicted(state, op, held);
      }
      ClusterInvariants.checkExceptCpu(state);
    }
    held.forEach(state::release);
    assertEverythingFree(state);
  }

  /** The filter's verdict and reserve() agree: reserve succeeds exactly when ResourceFit passes. */
  private static void reserveAsPredicted(ClusterState state, Op op, List<Reservation> held) {
    NodeView node = List.copyOf(state.nodes()).get(op.pick() % FLEET.size());
    boolean predicted =
        new ResourceFit()
            .filter(new CycleState(Instant.EPOCH), PlacementRequest.of("t", op.demand()), node)
            .passed();
    try {
      held.add(state.reserve(node.nodeId(), op.demand()));
      assertThat(predicted).as("reserve succeeded where ResourceFit said no").isTrue();
    } catch (IllegalStateException e) {
      assertThat(predicted)
          .as("reserve failed where ResourceFit said yes: " + e.getMessage())
          .isFalse();
    }
  }

  private static void assertEverythingFree(ClusterState state) {
    for (NodeView n : state.nodes()) {
      assertThat(n.available()).as(n.nodeId()).isEqualTo(n.total());
      assertThat(n.gpuFreeByDevice()).allSatisfy(free -> assertThat(free).isEqualTo(1.0));
    }
  }
}
