package dev.flotilla.scheduler.core;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a {@link FilterPlugin} for one node.
 *
 * @param plugin the name of the plugin that produced it
 * @param reasons short per-node reasons, e.g. "insufficient CPU"; empty on success
 */
public record PluginStatus(Code code, String plugin, List<String> reasons) {

  /** As in the Kubernetes scheduler framework. */
  public enum Code {
    SUCCESS,
    /** Does not fit now; may fit when resources free up. */
    UNSCHEDULABLE,
    /** Cannot fit on this node whatever else finishes (e.g. a missing label). */
    UNSCHEDULABLE_AND_UNRESOLVABLE,
    /** The plugin failed; the node is treated as not fitting. */
    ERROR,
    /** The plugin does not apply to this request; counts as passing. */
    SKIP
  }

  public PluginStatus {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(plugin, "plugin");
    reasons = List.copyOf(reasons);
  }

  public static PluginStatus success(String plugin) {
    return new PluginStatus(Code.SUCCESS, plugin, List.of());
  }

  public static PluginStatus skip(String plugin) {
    return new PluginStatus(Code.SKIP, plugin, List.of());
  }

  public static PluginStatus unschedulable(String plugin, String reason) {
    return new PluginStatus(Code.UNSCHEDULABLE, plugin, List.of(reason));
  }

  public static PluginStatus unresolvable(String plugin, String reason) {
    return new PluginStatus(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, plugin, List.of(reason));
  }

  /** True for {@link Code#SUCCESS} and {@link Code#SKIP}. */
  public boolean passed() {
    return code == Code.SUCCESS || code == Code.SKIP;
  }
}
