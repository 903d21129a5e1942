package dev.flotilla.api;

import java.util.Map;
import java.util.Set;

/** Checks shared by the option builders: resource amounts and names, said plainly. */
final class ReservedResources {
  /** Resource names with dedicated options; custom resources may not reuse them. */
  static final Set<String> NAMES = Set.of("CPU", "GPU", "memory_mb");

  private ReservedResources() {}

  /**
   * @throws IllegalArgumentException naming the first invalid amount or name
   */
  static void check(double cpus, double gpus, long memoryMb, Map<String, Double> custom, String name, String accelerator) {
    require(cpus >= 0 && Double.isFinite(cpus), "cpus must be >= 0, got " + cpus);
    require(gpus >= 0 && Double.isFinite(gpus), "gpus must be >= 0, got " + gpus);
    require(gpus <= 1 || gpus == Math.rint(gpus),
        "gpus above 1 must be whole (a fraction shares one device), got " + gpus);
    require(memoryMb >= 0, "memoryMb must be >= 0, got " + memoryMb);
    require(name == null || !name.isBlank(), "name must not be blank");
    require(accelerator == null || !accelerator.isBlank(), "accelerator must not be blank");
    for (var e : custom.entrySet()) {
      require(e.getKey() != null && !e.getKey().isBlank(), "resource names must not be blank");
      require(!NAMES.contains(e.getKey()), "use cpus()/gpus()/memoryMb() for " + e.getKey() + ", not resource()");
      require(e.getValue() != null && e.getValue() >= 0 && Double.isFinite(e.getValue()),
          "resource " + e.getKey() + " must be >= 0, got " + e.getValue());
    }
  }

  static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
