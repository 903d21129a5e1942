package dev.flotilla.scheduler.core.placementgroup;

import dev.flotilla.scheduler.core.NodeView;
import dev.flotilla.scheduler.core.Resources;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every search of one plan shares: the alive nodes, the bundles, the order they are reserved
 * in and the resource names the group asks for. Immutable.
 */
record GangContext(
    List<NodeView> alive, List<Resources> bundles, List<Integer> order, Set<String> resources) {

  static GangContext of(List<NodeView> alive, List<Resources> bundles) {
    Set<String> names = new TreeSet<>();
    bundles.forEach(b -> names.addAll(b.amounts().keySet()));
    return new GangContext(
        List.copyOf(alive), List.copyOf(bundles), ReserveOrder.of(bundles), Set.copyOf(names));
  }

  /** Fresh headroom for every alive node, indexed as {@link #alive()}. */
  Headroom[] rooms() {
    Headroom[] rooms = new Headroom[alive.size()];
    for (int n = 0; n < rooms.length; n++) {
      rooms[n] = new Headroom(alive.get(n));
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
    int n = 0;
    for (NodeView node : alive) {
      if (new Headroom(node).fits(bundles.get(i))) {
        n++;
      }
    }
    return n;
  }

  /**
   * True when reserving {@code a}'s layout in {@link ReserveOrder} fits every node: the check that
   * a search which assigned bundles in another order still matches what reserving will do.
   */
  boolean replays(Attempt a) {
    Headroom[] rooms = rooms();
    for (int i : order) {
      Headroom room = rooms[a.nodes()[i]];
      if (!room.fits(bundles.get(i))) {
        return false;
      }
      room.take(bundles.get(i));
    }
    return true;
  }
}
