package dev.flotilla.scheduler.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Builds the one-sentence reason of an unplaceable request: runs the filters again, attributes each
 * node to the first filter that rejected it, and asks each such filter for a clause, the last
 * filter first (it rejected the nodes that came closest to fitting).
 */
final class Explainer {
  private final List<FilterPlugin> filters;

  Explainer(List<FilterPlugin> filters) {
    this.filters = filters;
  }

  String explain(CycleState cycle, PlacementRequest request, Collection<NodeView> nodes) {
    if (nodes.isEmpty()) {
      return "no alive nodes: no node has registered yet";
    }
    List<List<Rejection>> rejected = new ArrayList<>();
    filters.forEach(f -> rejected.add(new ArrayList<>()));
    int[] passed = new int[filters.size()];
    for (NodeView node : nodes) {
      for (int i = 0; i < filters.size(); i++) {
        PluginStatus status = run(filters.get(i), cycle, request, node);
        if (!status.passed()) {
          rejected.get(i).add(new Rejection(node, status));
          break;
        }
        passed[i]++;
      }
    }
    List<String> clauses = new ArrayList<>();
    for (int i = filters.size() - 1; i >= 0; i--) {
      if (!rejected.get(i).isEmpty()) {
        filters.get(i).explain(cycle, request, rejected.get(i), passed[i]).ifPresent(clauses::add);
      }
    }
    return clauses.isEmpty() ? "no node passed the filters" : String.join("; ", clauses);
  }

  /** Runs one filter; a plugin that throws rejects the node with an ERROR status. */
  static PluginStatus run(FilterPlugin f, CycleState cycle, PlacementRequest request, NodeView n) {
    try {
      return f.filter(cycle, request, n);
    } catch (RuntimeException e) {
      return new PluginStatus(
          PluginStatus.Code.ERROR, f.name(), List.of("plugin failed: " + e.getMessage()));
    }
  }
}
