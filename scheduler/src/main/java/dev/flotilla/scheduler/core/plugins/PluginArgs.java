package dev.flotilla.scheduler.core.plugins;

import java.util.Map;
import java.util.Set;

/** Reads a plugin's profile arguments, rejecting names it does not know and malformed values. */
public record PluginArgs(String plugin, Map<String, String> args) {

  /** Checks that every argument is one of {@code known}. */
  public PluginArgs {
    args = Map.copyOf(args);
  }

  public static PluginArgs of(String plugin, Map<String, String> args, Set<String> known) {
    for (String key : args.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(
            "plugin " + plugin + " has no argument " + key + "; known: " + known);
      }
    }
    return new PluginArgs(plugin, args);
  }

  public double doubleArg(String key, double fallback) {
    String v = args.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "plugin " + plugin + " argument " + key + " is not a number: " + v, e);
    }
  }

  public long longArg(String key, long fallback) {
    String v = args.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "plugin " + plugin + " argument " + key + " is not a whole number: " + v, e);
    }
  }
}
