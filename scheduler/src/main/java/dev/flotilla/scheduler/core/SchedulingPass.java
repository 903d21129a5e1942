package dev.flotilla.scheduler.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The placement work of one {@link TaskQueue#schedule} call. Two facts keep it cheap, both resting
 * on filters being monotone in free resources and on the call only ever reserving:
 *
 * <ul>
 *   <li>a shape that fit nowhere keeps fitting nowhere ({@link UnfitShapes}, kept across calls);
 *   <li>a node that failed a shape's filters keeps failing them, so once a shape has been planned
 *       in this pass, its next task re-filters only the nodes that passed last time. Placing a
 *       stream of equal tasks costs one fleet scan, then ever shorter candidate lists.
 * </ul>
 *
 * Both give exactly the answers a full {@link Planner#plan} would.
 */
final class SchedulingPass {
  private final Planner planner;
  private final ClusterState state;
  private final Instant now;
  private final UnfitShapes unfit;
  private final Map<TaskShape, List<String>> candidates = new HashMap<>();

  SchedulingPass(Planner planner, ClusterState state, Instant now, UnfitShapes unfit) {
    this.planner = planner;
    this.state = state;
    this.now = now;
    this.unfit = unfit;
  }

  /** Reserves resources for {@code task}, or returns null after setting why it has to wait. */
  Reservation place(QueuedTask task) {
    TaskShape shape = task.shape;
    PlacementRequest request = task.request;
    String known = unfit.reasonIfStillUnfit(shape, id -> feasibleNow(id, request));
    if (known != null) {
      task.reason = known;
      return null;
    }
    List<String> previous = candidates.get(shape);
    Collection<NodeView> scan = previous == null ? state.nodes() : current(previous);
    List<NodeView> feasible = planner.feasibleNodes(scan, request, now);
    NodeView best = planner.best(feasible, request, now);
    if (best == null) {
      candidates.remove(shape);
      String reason = planner.explain(state.nodes(), request, now);
      unfit.put(shape, reason);
      task.reason = reason;
      return null;
    }
    List<String> ids = new ArrayList<>(feasible.size());
    feasible.forEach(n -> ids.add(n.nodeId()));
    candidates.put(shape, ids);
    try {
      return state.reserve(best.nodeId(), request.demand());
    } catch (IllegalStateException e) {
      task.reason = "placement failed, will retry: " + e.getMessage();
      return null;
    }
  }

  private boolean feasibleNow(String nodeId, PlacementRequest request) {
    return state.node(nodeId).map(n -> planner.feasible(n, request, now)).orElse(false);
  }

  private List<NodeView> current(List<String> nodeIds) {
    List<NodeView> views = new ArrayList<>(nodeIds.size());
    for (String id : nodeIds) {
      state.node(id).ifPresent(views::add);
    }
    return views;
  }
}
