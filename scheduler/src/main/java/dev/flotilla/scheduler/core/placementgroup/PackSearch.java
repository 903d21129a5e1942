package dev.flotilla.scheduler.core.placementgroup;

import dev.flotilla.scheduler.core.Resources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Layouts on few nodes. Bundles are always tried in {@link ReserveOrder}, so what fits here fits
 * when reserved. Best fit: among nodes that take equally many bundles, the one left with the least
 * free wins, keeping large idle nodes for large groups.
 */
final class PackSearch {
  private PackSearch() {}

  /**
   * Every bundle on the tightest node that holds them all; otherwise an incomplete attempt whose
   * {@code placed} is the most bundles any single node holds.
   */
  static Attempt oneNode(GangContext ctx) {
    Headroom[] rooms = ctx.rooms();
    int best = -1;
    double bestFree = Double.MAX_VALUE;
    int most = 0;
    for (int n = 0; n < rooms.length; n++) {
      int held = fill(ctx, rooms[n], ctx.order(), null, n);
      double free = rooms[n].freeShare();
      if (held == ctx.bundles().size() && free < bestFree - Resources.EPSILON) {
        best = n;
        bestFree = free;
      }
      most = Math.max(most, held);
    }
    int[] nodes = ctx.unassigned();
    if (best < 0) {
      return new Attempt(nodes, most);
    }
    Arrays.fill(nodes, best);
    return new Attempt(nodes, nodes.length);
  }

  /**
   * Greedy cover: repeatedly fills the node that takes the most of the remaining bundles (the
   * tightest on ties), until all are placed or no node takes any. A node holding the whole group is
   * picked first, so this places whatever {@link #oneNode} places. O(bundles × nodes) per node
   * used.
   */
  static Attempt fewestNodes(GangContext ctx) {
    Headroom[] rooms = ctx.rooms();
    boolean[] used = new boolean[rooms.length];
    int[] nodes = ctx.unassigned();
    List<Integer> remaining = new ArrayList<>(ctx.order());
    while (!remaining.isEmpty()) {
      int best = -1;
      int bestHeld = 0;
      double bestFree = Double.MAX_VALUE;
      for (int n = 0; n < rooms.length; n++) {
        if (used[n]) {
          continue;
        }
        Headroom trial = rooms[n].copy();
        int held = fill(ctx, trial, remaining, null, n);
        double free = trial.freeShare();
        if (held > bestHeld
            || (held == bestHeld && held > 0 && free < bestFree - Resources.EPSILON)) {
          best = n;
          bestHeld = held;
          bestFree = free;
        }
      }
      if (best < 0) {
        break;
      }
      used[best] = true;
      fill(ctx, rooms[best], remaining, nodes, best);
      remaining.removeIf(i -> nodes[i] >= 0);
    }
    return new Attempt(nodes, ctx.bundles().size() - remaining.size());
  }

  /**
   * Puts each of {@code bundles} that still fits into {@code room}, in order; records node {@code
   * n} for them in {@code nodes} when given. Returns how many it put.
   */
  private static int fill(
      GangContext ctx, Headroom room, List<Integer> bundles, int[] nodes, int n) {
    int held = 0;
    for (int i : bundles) {
      Demand bundle = ctx.demands().get(i);
      if (room.fits(bundle)) {
        room.take(bundle);
        held++;
        if (nodes != null) {
          nodes[i] = n;
        }
      }
    }
    return held;
  }
}
