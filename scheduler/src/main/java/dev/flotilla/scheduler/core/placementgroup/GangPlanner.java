package dev.flotilla.scheduler.core.placementgroup;

import dev.flotilla.scheduler.core.NodeView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Decides where each bundle of a placement group goes, or why the group cannot be placed now. Pure:
 * reads only the given {@link NodeView}s ({@code available} and {@code gpuFreeByDevice}, dead nodes
 * skipped), changes nothing and reads no clock; {@link GangReserver} commits the answer.
 *
 * <ul>
 *   <li>STRICT_PACK: the tightest node that holds every bundle.
 *   <li>STRICT_SPREAD: a maximum matching of bundles to distinct nodes, so it is placed exactly
 *       when some layout on distinct nodes exists.
 *   <li>PACK: greedy fill of the fewest nodes, falling back to the SPREAD layout.
 *   <li>SPREAD: rounds of distinct-node matching, falling back to the PACK layout.
 * </ul>
 *
 * A placed layout was simulated bundle by bundle, in the order {@link GangReserver} reserves and
 * with its choice of GPU devices, so reserving it against the state the views came from succeeds.
 * PACK and SPREAD run the same two searches in opposite order, so one places a group exactly when
 * the other does; each places whatever its strict form places.
 *
 * <p>Cost: the packing searches are O(bundles² × nodes); each matching round is O(bundles² × nodes)
 * at worst, and SPREAD needs one more round for each bundle a node must share, so a group larger
 * than the fleet costs up to O(bundles³ × nodes). Stateless and thread-safe.
 */
public final class GangPlanner {

  public GangDecision plan(Collection<NodeView> nodes, PlacementGroupRequest request) {
    Objects.requireNonNull(nodes, "nodes");
    Objects.requireNonNull(request, "request");
    List<NodeView> alive = new ArrayList<>();
    nodes.forEach(
        n -> {
          if (n.alive()) {
            alive.add(n);
          }
        });
    if (alive.isEmpty()) {
      return new GangDecision.Unplaceable(GangReasons.noAliveNodes(nodes.size()));
    }
    GangContext ctx = GangContext.of(alive, request.bundles());
    for (int i = 0; i < ctx.bundles().size(); i++) {
      if (ctx.nodesFitting(i) == 0) {
        return new GangDecision.Unplaceable(GangReasons.fitsNowhere(ctx, i));
      }
    }
    int bundles = ctx.bundles().size();
    return switch (request.strategy()) {
      case STRICT_PACK -> {
        Attempt a = PackSearch.oneNode(ctx);
        yield decide(ctx, a, () -> GangReasons.strictPack(ctx, a.placed()));
      }
      case STRICT_SPREAD -> {
        Attempt a = SpreadSearch.rounds(ctx, 1);
        yield decide(ctx, a, () -> GangReasons.strictSpread(ctx, a.placed()));
      }
      case PACK ->
          bestEffort(
              Strategy.PACK,
              ctx,
              List.of(() -> PackSearch.fewestNodes(ctx), () -> SpreadSearch.rounds(ctx, bundles)));
      case SPREAD ->
          bestEffort(
              Strategy.SPREAD,
              ctx,
              List.of(() -> SpreadSearch.rounds(ctx, bundles), () -> PackSearch.fewestNodes(ctx)));
    };
  }

  private static GangDecision bestEffort(
      Strategy strategy, GangContext ctx, List<Supplier<Attempt>> searches) {
    int most = 0;
    for (Supplier<Attempt> search : searches) {
      Attempt a = search.get();
      if (a.complete() && ctx.replays(a)) {
        return placed(ctx, a);
      }
      // a full layout that fails the replay counts as one bundle short
      most = Math.max(most, Math.min(a.placed(), ctx.bundles().size() - 1));
    }
    return new GangDecision.Unplaceable(GangReasons.bestEffort(strategy, ctx, most));
  }

  private static GangDecision decide(GangContext ctx, Attempt a, Supplier<String> reason) {
    return a.complete() && ctx.replays(a)
        ? placed(ctx, a)
        : new GangDecision.Unplaceable(reason.get());
  }

  private static GangDecision placed(GangContext ctx, Attempt a) {
    List<String> ids = new ArrayList<>(a.nodes().length);
    for (int n : a.nodes()) {
      ids.add(ctx.alive().get(n).nodeId());
    }
    return new GangDecision.Placed(ids);
  }
}
