package dev.flotilla.scheduler.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Which share of each GPU device of one node is in use. Package-private and mutable; owned by
 * {@link ClusterState}. Invariant: every device's use stays within [0, 1].
 */
final class GpuLedger {
  private final double[] used;

  GpuLedger(int devices) {
    this.used = new double[devices];
  }

  int size() {
    return used.length;
  }

  /**
   * Picks devices for {@code demand}: whole GPUs take the lowest-indexed fully free devices; a
   * fraction takes the most-used device it still fits on, so fractions pack and whole devices stay
   * free for whole-GPU tasks. Returns null when the demand does not fit; changes nothing then.
   */
  List<Integer> allocate(GpuDemand demand) {
    return switch (demand) {
      case GpuDemand.None n -> List.of();
      case GpuDemand.Fraction f -> allocateShare(f.share());
      case GpuDemand.Whole w -> allocateWhole(w.count());
    };
  }

  /** Returns {@code share} of each listed device; indices beyond this ledger are ignored. */
  void free(List<Integer> devices, double share) {
    for (int d : devices) {
      if (d >= 0 && d < used.length) {
        used[d] = clamp(used[d] - share);
      }
    }
  }

  /** Marks {@code share} of each listed device as used (re-applying a reservation). */
  void take(List<Integer> devices, double share) {
    for (int d : devices) {
      if (d >= 0 && d < used.length) {
        used[d] = clamp(used[d] + share);
      }
    }
  }

  List<Double> freeByDevice() {
    List<Double> free = new ArrayList<>(used.length);
    for (double u : used) {
      free.add(clamp(1 - u));
    }
    return List.copyOf(free);
  }

  private List<Integer> allocateShare(double share) {
    int best = -1;
    for (int d = 0; d < used.length; d++) {
      if (used[d] + share <= 1 + Resources.EPSILON && (best < 0 || used[d] > used[best])) {
        best = d;
      }
    }
    if (best < 0) {
      return null;
    }
    used[best] = clamp(used[best] + share);
    return List.of(best);
  }

  private List<Integer> allocateWhole(int count) {
    List<Integer> picked = new ArrayList<>(count);
    for (int d = 0; d < used.length && picked.size() < count; d++) {
      if (used[d] < Resources.EPSILON) {
        picked.add(d);
      }
    }
    if (picked.size() < count) {
      return null;
    }
    picked.forEach(d -> used[d] = 1);
    return List.copyOf(picked);
  }

  private static double clamp(double v) {
    if (v < Resources.EPSILON) {
      return 0;
    }
    return v > 1 - Resources.EPSILON ? 1 : v;
  }
}
