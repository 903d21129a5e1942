package dev.flotilla.scheduler.core;

import dev.flotilla.scheduler.core.plugins.DefaultPlugins;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Maps plugin names to factories, so that a {@link SchedulingProfile} can name its plugins in
 * configuration. Registering a name twice is an error. Not thread-safe while being filled; build it
 * once at start-up.
 */
public final class PluginRegistry {
  private final Map<String, PluginFactory> factories = new LinkedHashMap<>();

  /** A registry holding the built-in plugins (see {@link DefaultPlugins}). */
  public static PluginRegistry withDefaults() {
    PluginRegistry registry = new PluginRegistry();
    DefaultPlugins.registerAll(registry);
    return registry;
  }

  /** Adds a factory; throws {@link IllegalArgumentException} if {@code name} is taken. */
  public PluginRegistry register(String name, PluginFactory factory) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(factory, "factory");
    if (factories.putIfAbsent(name, factory) != null) {
      throw new IllegalArgumentException("plugin " + name + " is already registered");
    }
    return this;
  }

  /** Builds plugin {@code name}; throws {@link IllegalArgumentException} if it is unknown. */
  public PlacementPlugin create(String name, Map<String, String> args) {
    PluginFactory factory = factories.get(name);
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown scheduler plugin " + name + "; known: " + String.join(", ", factories.keySet()));
    }
    PlacementPlugin plugin = factory.create(args == null ? Map.of() : Map.copyOf(args));
    if (!name.equals(plugin.name())) {
      throw new IllegalArgumentException(
          "factory for " + name + " built a plugin named " + plugin.name());
    }
    return plugin;
  }

  public Set<String> names() {
    return Collections.unmodifiableSet(factories.keySet());
  }
}
