package dev.flotilla.api;

import java.util.Map;

/**
 * One gang member of a placement group: resources reserved together, e.g. {@code
 * Bundle.of(Map.of("CPU", 1.0, "GPU", 1.0))}.
 */
public record Bundle(Map<String, Double> resources) {
  public Bundle {
    resources = Map.copyOf(resources);
    if (resources.isEmpty()) {
      throw new IllegalArgumentException("a bundle needs at least one resource");
    }
    for (var e : resources.entrySet()) {
      if (e.getValue() == null || !(e.getValue() >= 0) || Double.isInfinite(e.getValue())) {
        throw new IllegalArgumentException("bundle resource " + e.getKey() + " must be >= 0, got " + e.getValue());
      }
    }
  }

  public static Bundle of(Map<String, Double> resources) {
    return new Bundle(resources);
  }
}
