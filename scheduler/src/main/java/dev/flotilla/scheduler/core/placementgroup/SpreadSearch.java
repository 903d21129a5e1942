package dev.flotilla.scheduler.core.placementgroup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Layouts on many nodes, in rounds: each round gives at most one bundle to each node, matching as
 * many of the remaining bundles as possible ({@link Matching}), and prefers the nodes holding the
 * fewest of the group's bundles, then the most free. The first round alone is STRICT_SPREAD.
 */
final class SpreadSearch {
  private SpreadSearch() {}

  /** At most {@code maxRounds} rounds; stops early when a round places nothing. */
  static Attempt rounds(GangContext ctx, int maxRounds) {
    Headroom[] rooms = ctx.rooms();
    int[] nodes = ctx.unassigned();
    List<Integer> remaining = new ArrayList<>(ctx.order());
    for (int round = 0; round < maxRounds && !remaining.isEmpty(); round++) {
      List<Integer> preferred = preference(ctx, rooms);
      List<int[]> candidates = new ArrayList<>(remaining.size());
      for (int i : remaining) {
        Demand bundle = ctx.demands().get(i);
        candidates.add(
            preferred.stream().filter(n -> rooms[n].fits(bundle)).mapToInt(n -> n).toArray());
      }
      int[] match = Matching.maximum(candidates, rooms.length);
      boolean any = false;
      for (int k = 0; k < match.length; k++) {
        if (match[k] >= 0) {
          int i = remaining.get(k);
          rooms[match[k]].take(ctx.demands().get(i));
          nodes[i] = match[k];
          any = true;
        }
      }
      if (!any) {
        break;
      }
      remaining.removeIf(i -> nodes[i] >= 0);
    }
    return new Attempt(nodes, ctx.bundles().size() - remaining.size());
  }

  private static List<Integer> preference(GangContext ctx, Headroom[] rooms) {
    List<Integer> nodes = new ArrayList<>(rooms.length);
    double[] free = new double[rooms.length];
    for (int n = 0; n < rooms.length; n++) {
      nodes.add(n);
      free[n] = rooms[n].freeShare();
    }
    nodes.sort(
        Comparator.comparingInt((Integer n) -> rooms[n].bundles())
            .thenComparingDouble(n -> -free[n]));
    return nodes;
  }
}
