package dev.flotilla.scheduler.core;

import java.util.List;
import java.util.Optional;

/**
 * Decides whether a node can take a task at all. "Does not fit" is a {@link PluginStatus}, never an
 * exception.
 *
 * <p>Contract: the answer may depend only on the node and on the request's shape ({@link
 * PlacementRequest#demand()} and {@link PlacementRequest#labelSelector()}), not on time or other
 * request fields, and must not get more permissive when a node has less available or is marked
 * dead. {@link TaskQueue} relies on it: it caches "does not fit" per shape, re-checking only nodes
 * that {@link ClusterState#nodesGainedSince gained} room, and within one pass re-filters only the
 * nodes that passed before.
 */
public interface FilterPlugin extends PlacementPlugin {

  /** Called for each node; keep it cheap and allocation-free on success. */
  PluginStatus filter(CycleState state, PlacementRequest request, NodeView node);

  /**
   * Summarises this filter's rejections in one clause for the user, called only when no node passed
   * every filter. {@code rejected} are the nodes this filter was the first to reject; {@code
   * passed} counts the nodes that passed it (and failed a later filter). Empty when there is
   * nothing worth saying.
   */
  default Optional<String> explain(
      CycleState state, PlacementRequest request, List<Rejection> rejected, int passed) {
    String reason = rejected.getFirst().status().reasons().stream().findFirst().orElse("rejected");
    return Optional.of(name() + " rejected " + Plural.nodes(rejected.size()) + " (" + reason + ")");
  }
}
