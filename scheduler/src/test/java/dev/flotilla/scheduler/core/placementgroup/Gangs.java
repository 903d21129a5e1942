package dev.flotilla.scheduler.core.placementgroup;

import dev.flotilla.scheduler.core.ClusterState;
import dev.flotilla.scheduler.core.NodeView;
import dev.flotilla.scheduler.core.Reservation;
import dev.flotilla.scheduler.core.Resources;
import dev.flotilla.scheduler.core.sim.SimNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: fleets, requests and snapshots of a {@link ClusterState}'s books. */
final class Gangs {
  private Gangs() {}

  static ClusterState fleet(SimNode... nodes) {
    ClusterState state = new ClusterState();
    Arrays.stream(nodes).forEach(n -> n.registerIn(state));
    return state;
  }

  /** {@code "CPU:1, GPU:1"} bundles, one per argument. */
  static PlacementGroupRequest group(Strategy strategy, String... bundles) {
    List<Resources> parsed = Arrays.stream(bundles).map(Resources::parse).toList();
    return new PlacementGroupRequest("pg", parsed, strategy);
  }

  static List<String> nodesOf(GangDecision d) {
    return switch (d) {
      case GangDecision.Placed p -> p.nodeIdsPerBundle();
      case GangDecision.Unplaceable u -> throw new AssertionError("unplaceable: " + u.reason());
    };
  }

  static String reasonOf(GangDecision d) {
    return switch (d) {
      case GangDecision.Placed p -> throw new AssertionError("placed on " + p.nodeIdsPerBundle());
      case GangDecision.Unplaceable u -> u.reason();
    };
  }

  /** Everything a rollback must restore, per node: free amounts, device shares, reservations. */
  record Books(Resources available, List<Double> gpuFree, List<Reservation> held) {}

  static Map<String, Books> books(ClusterState state) {
    Map<String, Books> out = new LinkedHashMap<>();
    for (NodeView n : state.nodes()) {
      List<Reservation> held = new ArrayList<>(state.reservations(n.nodeId()));
      held.sort((a, b) -> a.toString().compareTo(b.toString()));
      List<Double> gpu = n.gpuFreeByDevice().stream().map(Gangs::round).toList();
      out.put(n.nodeId(), new Books(n.available(), gpu, held));
    }
    return out;
  }

  /** Device shares are doubles added and subtracted; compare them to 9 decimals. */
  private static double round(double share) {
    return Math.round(share * 1e9) / 1e9;
  }
}
