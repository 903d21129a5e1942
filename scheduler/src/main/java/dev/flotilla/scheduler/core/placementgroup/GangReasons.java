package dev.flotilla.scheduler.core.placementgroup;

import dev.flotilla.scheduler.core.CycleState;
import dev.flotilla.scheduler.core.NodeView;
import dev.flotilla.scheduler.core.PlacementRequest;
import dev.flotilla.scheduler.core.Plural;
import dev.flotilla.scheduler.core.Rejection;
import dev.flotilla.scheduler.core.Resources;
import dev.flotilla.scheduler.core.plugins.resourcefit.ResourceFit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** The one sentence that says why a placement group is not placed, for each way it can fail. */
final class GangReasons {
  private static final ResourceFit FIT = new ResourceFit();

  private GangReasons() {}

  static String noAliveNodes(int dead) {
    return dead == 0
        ? "no alive nodes: no node has registered yet"
        : "no alive nodes (" + Plural.nodes(dead) + (dead == 1 ? " is" : " are") + " dead)";
  }

  /** Bundle {@code i} fits no alive node even alone; says why as a task of that demand would. */
  static String fitsNowhere(GangContext ctx, int i) {
    Resources bundle = ctx.bundles().get(i);
    PlacementRequest request = PlacementRequest.of("bundle " + i, bundle);
    // ResourceFit reads no time; the cycle only carries it
    CycleState cycle = new CycleState(Instant.EPOCH);
    List<Rejection> rejected = new ArrayList<>();
    for (NodeView node : ctx.alive()) {
      rejected.add(new Rejection(node, FIT.filter(cycle, request, node)));
    }
    String why = FIT.explain(cycle, request, rejected, 0).orElse("it fits on no node");
    return "bundle " + i + " (" + bundle.describe() + ") fits on no alive node: " + why;
  }

  /** {@code most} is the most bundles any single node holds. */
  static String strictPack(GangContext ctx, int most) {
    int n = ctx.bundles().size();
    return "STRICT_PACK needs "
        + sum(ctx).describe()
        + " on one node for "
        + Plural.of(n, "bundle")
        + "; at most "
        + most
        + (most == 1 ? " of them fits" : " of them fit")
        + " on any alive node";
  }

  /** {@code matched} is the most bundles that fit on distinct nodes at once. */
  static String strictSpread(GangContext ctx, int matched) {
    int n = ctx.bundles().size();
    if (new HashSet<>(ctx.bundles()).size() == 1) {
      int room = ctx.nodesFitting(0);
      return "STRICT_SPREAD needs "
          + n
          + " distinct nodes each with "
          + ctx.bundles().get(0).describe()
          + "; only "
          + Plural.of(room, "alive node")
          + (room == 1 ? " has" : " have")
          + " room";
    }
    return "STRICT_SPREAD needs "
        + n
        + " distinct nodes, one per bundle; at most "
        + matched
        + (matched == 1 ? " of the bundles fits" : " of the bundles fit")
        + " on distinct alive nodes at once";
  }

  /** PACK or SPREAD found no layout; {@code placed} is the most bundles any search fitted. */
  static String bestEffort(Strategy strategy, GangContext ctx, int placed) {
    Resources free = Resources.none();
    for (NodeView node : ctx.alive()) {
      for (String name : ctx.names()) {
        free = free.plus(Resources.none().with(name, Math.max(0, node.available().get(name))));
      }
    }
    return strategy
        + " needs "
        + sum(ctx).describe()
        + " for "
        + Plural.of(ctx.bundles().size(), "bundle")
        + "; at most "
        + placed
        + (placed == 1 ? " of them fits" : " of them fit")
        + " on the alive nodes at once (free in all: "
        + free.describe()
        + ")";
  }

  private static Resources sum(GangContext ctx) {
    Resources total = Resources.none();
    for (Resources b : ctx.bundles()) {
      total = total.plus(b);
    }
    return total;
  }
}
