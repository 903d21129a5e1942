package dev.flotilla.scheduler.core.plugins.labelselector;

import dev.flotilla.scheduler.core.CycleState;
import dev.flotilla.scheduler.core.FilterPlugin;
import dev.flotilla.scheduler.core.NodeView;
import dev.flotilla.scheduler.core.PlacementRequest;
import dev.flotilla.scheduler.core.PluginStatus;
import dev.flotilla.scheduler.core.Plural;
import dev.flotilla.scheduler.core.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps nodes whose labels equal every entry of the request's label selector, e.g. {@code
 * gpu.model=H100}. A missing label cannot appear by waiting, so rejections are unresolvable.
 */
public final class LabelSelector implements FilterPlugin {
  public static final String NAME = "LabelSelector";
  private static final PluginStatus MATCH = PluginStatus.success(NAME);
  private static final int VALUES_SHOWN = 3;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PluginStatus filter(CycleState state, PlacementRequest request, NodeView node) {
    if (request.labelSelector().isEmpty()) {
      return MATCH;
    }
    for (Map.Entry<String, String> e : request.labelSelector().entrySet()) {
      if (!e.getValue().equals(node.labels().get(e.getKey()))) {
        return PluginStatus.unresolvable(NAME, "lacks label " + e.getKey() + "=" + e.getValue());
      }
    }
    return MATCH;
  }

  /**
   * "needs label gpu.model=H100; no alive node has it (seen: A100, L4)" when no node matched, or
   * "12 nodes lack label gpu.model=H100" when some did and failed a later filter.
   */
  @Override
  public Optional<String> explain(
      CycleState state, PlacementRequest request, List<Rejection> rejected, int passed) {
    Map<String, String> selector = new TreeMap<>(request.labelSelector());
    String wanted = selector.size() == 1 ? "label " : "labels ";
    wanted +=
        String.join(
            ", ", selector.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    if (passed > 0) {
      String verb = rejected.size() == 1 ? " lacks " : " lack ";
      return Optional.of(Plural.nodes(rejected.size()) + verb + wanted);
    }
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, String> e : selector.entrySet()) {
      TreeSet<String> seen = new TreeSet<>();
      boolean found = false;
      for (Rejection r : rejected) {
        String value = r.node().labels().get(e.getKey());
        found |= e.getValue().equals(value);
        if (value != null) {
          seen.add(value);
        }
      }
      if (!found) {
        missing.add(describeMissing(e.getKey(), e.getValue(), seen));
      }
    }
    if (missing.isEmpty()) {
      return Optional.of("needs " + wanted + "; no alive node has all of them");
    }
    return Optional.of("needs " + String.join("; needs ", missing));
  }

  private static String describeMissing(String key, String value, TreeSet<String> seen) {
    String text = "label " + key + "=" + value + "; no alive node has it";
    if (seen.isEmpty()) {
      return text;
    }
    List<String> shown = seen.stream().limit(VALUES_SHOWN).toList();
    String more = seen.size() > VALUES_SHOWN ? ", …" : "";
    return text + " (" + key + " values seen: " + String.join(", ", shown) + more + ")";
  }
}
