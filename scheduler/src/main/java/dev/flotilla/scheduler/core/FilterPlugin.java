package dev.flotilla.scheduler.core;

import java.util.List;
import java.util.Optional;

/**
 * Decides whether a node can take a task at all. "Does not fit" is a {@link PluginStatus}, never an
 * exception.
 *
 * <p>Contract: the answer may depend only on the node and on the request's shape ({@link
 * PlacementRequest#demand()} and {@link PlacementRequest#labelSelector()}), and must not get more
 * permissive when a node has less available; {@link TaskQueue} caches "does not fit" per shape on
 * that basis.
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
