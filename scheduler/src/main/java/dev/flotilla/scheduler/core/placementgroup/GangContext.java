package dev.flotilla.scheduler.core.placementgroup;

import dev.flotilla.scheduler.core.NodeView;
import dev.flotilla.scheduler.core.Resources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * What every search of one plan shares: the alive nodes, the bundles (as given and as {@link
 * Demand}s), the order they are reserved in and the resource names the group asks for. Immutable.
 */
record GangContext(
    List<NodeView> alive,
    List<Resources> bundles,
    List<Demand> demands,
    List<Integer> order,
    List<String> names) {

  static GangContext of(List<NodeView> alive, List<Resources> bundles) {
    TreeSet<String> sorted = new TreeSet<>();
    bundles.forEach(b -> sorted.addAll(b.amounts().keySet()));
    List<String> names = List.copyOf(sorted);
    List<Demand> demands = new ArrayList<>(bundles.size());
    bundles.forEach(b -> demands.add(Demand.of(b, names)));
    return new GangContext(
        List.copyOf(alive),
        List.copyOf(bundles),
        List.copyOf(demands),
        ReserveOrder.of(bundles),
        names);
  }

  Headroom room(int node) {
    return new Headroom(alive.get(node), names);
  }

  /** Fresh headroom for every alive node, indexed as {@link #alive()}. */
  Headroom[] rooms() {
    Headroom[] rooms = new Headroom[alive.size()];
    for (int n = 0; n < rooms.length; n++) {
      rooms[n] = room(n);
    }
    return rooms;
  }

  /** An attempt with no bundle placed yet. */
  int[] unassigned() {
    int[] nodes = new int[bundles.size()];
    Arrays.fill(nodes, -1);
    return nodes;
  }

  /** How many alive nodes could take bundle {@code i} if it were alone. */
  int nodesFitting(int i) {
    int fitting = 0;
    for (int n = 0; n < alive.size(); n++) {
      if (room(n).fits(demands.get(i))) {
        fitting++;
      }
    }
    return fitting;
  }

  /**
   * True when reserving {@code a}'s layout in {@link ReserveOrder} fits every node: the check that
   * a search which assigned bundles in another order still matches what reserving will do.
   */
  boolean replays(Attempt a) {
    Headroom[] rooms = rooms();
    for (int i : order) {
      Headroom room = rooms[a.nodes()[i]];
      if (!room.fits(demands.get(i))) {
        return false;
      }
      room.take(demands.get(i));
    }
    return true;
  }
}
