package dev.flotilla.api;

import java.util.Set;

/** Resource names with dedicated options; custom resources may not reuse them. */
final class ReservedResources {
  static final Set<String> NAMES = Set.of("CPU", "GPU", "memory_mb");

  private ReservedResources() {}
}
