package dev.flotilla.scheduler.core;

import dev.flotilla.scheduler.core.plugins.hybrid.HybridPackSpread;
import dev.flotilla.scheduler.core.plugins.labelselector.LabelSelector;
import dev.flotilla.scheduler.core.plugins.locality.Locality;
import dev.flotilla.scheduler.core.plugins.nodealive.NodeAlive;
import dev.flotilla.scheduler.core.plugins.resourcefit.ResourceFit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which plugins a {@link Planner} runs, in which order, with which weights and arguments; the
 * configuration face of the pipeline. Filters run in list order (cheap and decisive first: the
 * order also shapes reasons, the last filter that rejected anything speaks first).
 */
public record SchedulingProfile(
    String name, List<PluginConfig> filters, List<PluginConfig> scores) {

  /**
   * One plugin of a profile.
   *
   * @param weight multiplies a score plugin's 0..100 score; ignored for filters
   * @param args plugin arguments, e.g. {@code spreadThreshold=0.5}
   */
  public record PluginConfig(String plugin, int weight, Map<String, String> args) {
    public PluginConfig {
      Objects.requireNonNull(plugin, "plugin");
      if (weight < 0) {
        throw new IllegalArgumentException("plugin " + plugin + " has negative weight " + weight);
      }
      args = args == null ? Map.of() : Map.copyOf(args);
    }

    public static PluginConfig of(String plugin) {
      return new PluginConfig(plugin, 1, Map.of());
    }

    public static PluginConfig of(String plugin, int weight) {
      return new PluginConfig(plugin, weight, Map.of());
    }
  }

  /** Copies the lists; a plugin may appear once per list. */
  public SchedulingProfile {
    Objects.requireNonNull(name, "name");
    filters = List.copyOf(filters);
    scores = List.copyOf(scores);
    requireUnique(name, filters);
    requireUnique(name, scores);
  }

  /** NodeAlive, LabelSelector, ResourceFit; HybridPackSpread and Locality with weight 1 each. */
  public static SchedulingProfile defaults() {
    return new SchedulingProfile(
        "default",
        List.of(
            PluginConfig.of(NodeAlive.NAME),
            PluginConfig.of(LabelSelector.NAME),
            PluginConfig.of(ResourceFit.NAME)),
        List.of(PluginConfig.of(HybridPackSpread.NAME, 1), PluginConfig.of(Locality.NAME, 1)));
  }

  private static void requireUnique(String profile, List<PluginConfig> configs) {
    Set<String> seen = new HashSet<>();
    for (PluginConfig c : configs) {
      if (!seen.add(c.plugin())) {
        throw new IllegalArgumentException(
            "profile " + profile + " lists " + c.plugin() + " twice");
      }
    }
  }
}
