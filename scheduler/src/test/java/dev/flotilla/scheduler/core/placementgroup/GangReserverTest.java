package dev.flotilla.scheduler.core.placementgroup;

import static dev.flotilla.scheduler.core.placementgroup.Gangs.books;
import static dev.flotilla.scheduler.core.placementgroup.Gangs.fleet;
import static dev.flotilla.scheduler.core.placementgroup.Gangs.group;
import static dev.flotilla.scheduler.core.placementgroup.Gangs.nodesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.scheduler.core.ClusterState;
import dev.flotilla.scheduler.core.Reservation;
import dev.flotilla.scheduler.core.Resources;
import dev.flotilla.scheduler.core.sim.ClusterInvariants;
import dev.flotilla.scheduler.core.sim.SimNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GangReserverTest {
  private final GangPlanner planner = new GangPlanner();

  private Optional<List<Reservation>> planAndReserve(ClusterState state, PlacementGroupRequest r) {
    List<String> nodes = nodesOf(planner.plan(state.nodes(), r));
    return GangReserver.reserveAll(state, nodes, r.bundles());
  }

  @Test
  void reserveAll_placedGroup_oneReservationPerBundleInBundleOrder() {
    ClusterState state =
        fleet(SimNode.named("a").cpus(4).gpus(1), SimNode.named("b").cpus(4).memoryMb(1024));
    PlacementGroupRequest r = group(Strategy.STRICT_SPREAD, "CPU:1, memory_mb:512", "CPU:2, GPU:1");

    List<Reservation> held = planAndReserve(state, r).orElseThrow();

    assertThat(held).extracting(Reservation::nodeId).containsExactly("b", "a");
    assertThat(held).extracting(Reservation::resources).containsExactlyElementsOf(r.bundles());
    assertThat(state.node("a").orElseThrow().available()).isEqualTo(Resources.parse("CPU:2"));
    ClusterInvariants.check(state);
  }

  @Test
  void reserveAll_wholeGpuBundlesOnOneNode_getDistinctDevices() {
    ClusterState state = fleet(SimNode.named("a").cpus(8).gpus("H100", 4));
    PlacementGroupRequest r = group(Strategy.STRICT_PACK, "GPU:1", "GPU:2", "GPU:1");

    List<Reservation> held = planAndReserve(state, r).orElseThrow();

    assertThat(held).flatExtracting(Reservation::gpuIndices).containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThat(state.node("a").orElseThrow().gpuFreeByDevice()).containsOnly(0.0);
    ClusterInvariants.check(state);
  }

  @Test
  void reserveAll_smallFractionsListedFirst_largestReservedFirstSoAllFit() {
    ClusterState state = fleet(SimNode.named("a").cpus(8).gpus(2));
    // in listed order 0.4 and 0.4 would share device 0 and strand one 0.6
    PlacementGroupRequest r =
        group(Strategy.STRICT_PACK, "GPU:0.4", "GPU:0.4", "GPU:0.6", "GPU:0.6");

    List<Reservation> held = planAndReserve(state, r).orElseThrow();

    assertThat(held)
        .extracting(Reservation::gpuIndices)
        .containsExactly(List.of(0), List.of(1), List.of(0), List.of(1));
    ClusterInvariants.check(state);
  }

  @Test
  void plan_fractionsReserveCannotArrange_unplaceableAsReservingWouldFail() {
    ClusterState state = fleet(SimNode.named("a").cpus(8).gpus(2));
    state.reserve("a", Resources.parse("GPU:0.2"));
    // 0.5+0.3 and 0.6+0.4 would fit, but reserve packs 0.6 onto the used device and strands 0.3
    PlacementGroupRequest r =
        group(Strategy.STRICT_PACK, "GPU:0.3", "GPU:0.5", "GPU:0.4", "GPU:0.6");

    GangDecision d = planner.plan(state.nodes(), r);

    assertThat(d).isInstanceOf(GangDecision.Unplaceable.class);
    assertThat(GangReserver.reserveAll(state, List.of("a", "a", "a", "a"), r.bundles())).isEmpty();
  }

  @Test
  void reserveAll_lastBundleNoLongerFits_rollsBackToTheSameBooks() {
    ClusterState state = fleet(SimNode.named("a").cpus(4).gpus(2), SimNode.named("b").cpus(2));
    state.reserve("a", Resources.parse("CPU:1, GPU:0.3"));
    Map<String, Gangs.Books> before = books(state);

    Optional<List<Reservation>> held =
        GangReserver.reserveAll(
            state,
            List.of("a", "a", "b"),
            List.of(
                Resources.parse("CPU:1, GPU:1"),
                Resources.parse("GPU:0.5"),
                Resources.parse("CPU:4")));

    assertThat(held).isEmpty();
    assertThat(books(state)).isEqualTo(before);
    ClusterInvariants.check(state);
  }

  @Test
  void reserveAll_nodeDiedSincePlanning_rollsBack() {
    ClusterState state = fleet(SimNode.named("a").cpus(4), SimNode.named("b").cpus(4));
    PlacementGroupRequest r = group(Strategy.STRICT_SPREAD, "CPU:1", "CPU:1");
    List<String> nodes = nodesOf(planner.plan(state.nodes(), r));
    state.markDead("b");
    Map<String, Gangs.Books> before = books(state);

    assertThat(GangReserver.reserveAll(state, nodes, r.bundles())).isEmpty();
    assertThat(books(state)).isEqualTo(before);
  }

  @Test
  void reserveAll_unknownNode_rollsBack() {
    ClusterState state = fleet(SimNode.named("a").cpus(4));
    Map<String, Gangs.Books> before = books(state);

    Optional<List<Reservation>> held =
        GangReserver.reserveAll(
            state,
            List.of("a", "gone"),
            List.of(Resources.parse("CPU:1"), Resources.parse("CPU:1")));

    assertThat(held).isEmpty();
    assertThat(books(state)).isEqualTo(before);
  }

  @Test
  void reserveAll_listsOfDifferentSizes_throwsAndReservesNothing() {
    ClusterState state = fleet(SimNode.named("a").cpus(4));

    assertThatThrownBy(
            () ->
                GangReserver.reserveAll(
                    state, List.of("a", "a"), List.of(Resources.parse("CPU:1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("2 node ids for 1 bundle");
    assertThat(state.reservations("a")).isEmpty();
  }

  @Test
  void releaseAll_reservedGroup_returnsEverything() {
    ClusterState state = fleet(SimNode.named("a").cpus(4).gpus(2));
    Map<String, Gangs.Books> before = books(state);
    List<Reservation> held =
        planAndReserve(state, group(Strategy.PACK, "CPU:1, GPU:0.5", "GPU:1")).orElseThrow();

    assertThat(GangReserver.releaseAll(state, held)).isTrue();

    assertThat(books(state)).isEqualTo(before);
    assertThat(GangReserver.releaseAll(state, held)).isFalse();
  }
}
