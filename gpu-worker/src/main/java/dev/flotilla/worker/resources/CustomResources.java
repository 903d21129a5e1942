package dev.flotilla.worker.resources;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Parses operator-declared node extras: custom resources ({@code FLOTILLA_RESOURCES}, e.g.
 * {@code tpu-slice=4,license=2}) and labels ({@code FLOTILLA_LABELS}, e.g. {@code zone=a,rack=7}).
 */
public final class CustomResources {
  public static final String RESOURCES_ENV = "FLOTILLA_RESOURCES";
  public static final String LABELS_ENV = "FLOTILLA_LABELS";
  private static final Set<String> RESERVED = Set.of("CPU", "GPU", "memory_mb");

  private CustomResources() {}

  /**
   * @throws IllegalArgumentException naming the bad entry
   */
  public static Map<String, Double> parseResources(String text) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : parsePairs(text, RESOURCES_ENV).entrySet()) {
      if (RESERVED.contains(e.getKey())) {
        throw new IllegalArgumentException(
            RESOURCES_ENV + ": " + e.getKey() + " is detected, not declared; use FLOTILLA_CPUS, FLOTILLA_MEMORY_MB or FLOTILLA_FAKE_GPUS");
      }
      try {
        double v = Double.parseDouble(e.getValue());
        if (!(v >= 0) || Double.isInfinite(v)) {
          throw new NumberFormatException();
        }
        out.put(e.getKey(), v);
      } catch (NumberFormatException ex) {
        throw new IllegalArgumentException(
            RESOURCES_ENV + ": the amount of " + e.getKey() + " must be a number >= 0, got '" + e.getValue() + "'");
      }
    }
    return out;
  }

  /**
   * @throws IllegalArgumentException naming the bad entry
   */
  public static Map<String, String> parseLabels(String text) {
    return parsePairs(text, LABELS_ENV);
  }

  private static Map<String, String> parsePairs(String text, String what) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String part : text.split(",")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      if (eq <= 0 || eq == p.length() - 1) {
        throw new IllegalArgumentException(what + ": expected name=value, got '" + p + "'");
      }
      out.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
    }
    return out;
  }
}
