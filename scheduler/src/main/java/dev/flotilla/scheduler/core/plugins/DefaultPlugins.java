package dev.flotilla.scheduler.core.plugins;

import dev.flotilla.scheduler.core.PluginRegistry;
import dev.flotilla.scheduler.core.plugins.hybrid.HybridPackSpread;
import dev.flotilla.scheduler.core.plugins.labelselector.LabelSelector;
import dev.flotilla.scheduler.core.plugins.locality.Locality;
import dev.flotilla.scheduler.core.plugins.nodealive.NodeAlive;
import dev.flotilla.scheduler.core.plugins.resourcefit.ResourceFit;
import java.util.Map;
import java.util.Set;

/** Registers the built-in plugins under their {@code NAME}s. */
public final class DefaultPlugins {
  private DefaultPlugins() {}

  public static void registerAll(PluginRegistry registry) {
    registry
        .register(NodeAlive.NAME, args -> withoutArgs(NodeAlive.NAME, args, new NodeAlive()))
        .register(
            LabelSelector.NAME, args -> withoutArgs(LabelSelector.NAME, args, new LabelSelector()))
        .register(ResourceFit.NAME, args -> withoutArgs(ResourceFit.NAME, args, new ResourceFit()))
        .register(HybridPackSpread.NAME, HybridPackSpread::fromArgs)
        .register(Locality.NAME, Locality::fromArgs);
  }

  private static <T> T withoutArgs(String name, Map<String, String> args, T plugin) {
    PluginArgs.of(name, args, Set.of());
    return plugin;
  }
}
