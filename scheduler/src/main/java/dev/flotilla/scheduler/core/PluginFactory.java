package dev.flotilla.scheduler.core;

import java.util.Map;

/** Builds a plugin from its profile arguments (e.g. {@code spreadThreshold=0.5}). */
@FunctionalInterface
public interface PluginFactory {
  /** Throws {@link IllegalArgumentException} for an unknown or malformed argument. */
  PlacementPlugin create(Map<String, String> args);
}
