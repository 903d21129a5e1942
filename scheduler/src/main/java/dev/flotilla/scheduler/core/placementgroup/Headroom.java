package dev.flotilla.scheduler.core.placementgroup;

import dev.flotilla.scheduler.core.GpuDemand;
import dev.flotilla.scheduler.core.NodeView;
import dev.flotilla.scheduler.core.Resources;
import java.util.List;

/**
 * What is still free on one node while a plan tries bundles on it: the group's resources by index
 * (see {@link Demand}) and the share of each GPU device. {@link #take} picks devices as {@code
 * ClusterState.reserve} does (whole GPUs: the lowest fully free devices; a fraction: the most used
 * device it fits on), so a simulated layout is the real one. Mutable and short-lived: one plan.
 */
final class Headroom {
  private final double[] total;
  private final double[] available;
  private final double[] free;
  private int bundles;

  Headroom(NodeView node, List<String> names) {
    this.total = new double[names.size()];
    this.available = new double[names.size()];
    for (int j = 0; j < total.length; j++) {
      total[j] = node.total().get(names.get(j));
      available[j] = node.available().get(names.get(j));
    }
    this.free = new double[node.gpuCount()];
    for (int d = 0; d < free.length; d++) {
      free[d] = node.gpuFreeByDevice().get(d);
    }
  }

  private Headroom(Headroom other) {
    this.total = other.total;
    this.available = other.available.clone();
    this.free = other.free.clone();
    this.bundles = other.bundles;
  }

  Headroom copy() {
    return new Headroom(this);
  }

  /** How many of the group's bundles this plan put here. */
  int bundles() {
    return bundles;
  }

  boolean fits(Demand demand) {
    double[] amounts = demand.amounts();
    for (int j = 0; j < amounts.length; j++) {
      if (available[j] + Resources.EPSILON < amounts[j]) {
        return false;
      }
    }
    return switch (demand.gpu()) {
      case GpuDemand.None n -> true;
      case GpuDemand.Fraction f -> shareDevice(f.share()) >= 0;
      case GpuDemand.Whole w -> fullyFree() >= w.count();
    };
  }

  /** Takes {@code demand}, which must {@link #fits fit}. */
  void take(Demand demand) {
    double[] amounts = demand.amounts();
    for (int j = 0; j < amounts.length; j++) {
      available[j] -= amounts[j];
    }
    bundles++;
    switch (demand.gpu()) {
      case GpuDemand.None n -> {}
      case GpuDemand.Fraction f -> {
        int d = shareDevice(f.share());
        free[d] = clamp(free[d] - f.share());
      }
      case GpuDemand.Whole w -> {
        int left = w.count();
        for (int d = 0; d < free.length && left > 0; d++) {
          if (free[d] >= 1 - Resources.EPSILON) {
            free[d] = 0;
            left--;
          }
        }
      }
    }
  }

  /**
   * The mean free fraction (0..1) of the group's resources that the node has any of: low means a
   * tight fit (packing prefers it), high means an idle node (spreading prefers it).
   */
  double freeShare() {
    double sum = 0;
    int counted = 0;
    for (int j = 0; j < total.length; j++) {
      if (total[j] > Resources.EPSILON) {
        sum += Math.clamp(available[j] / total[j], 0.0, 1.0);
        counted++;
      }
    }
    return counted == 0 ? 0 : sum / counted;
  }

  /** The device a fraction would get: the least free that fits, lowest on ties; -1 if none. */
  private int shareDevice(double share) {
    int best = -1;
    for (int d = 0; d < free.length; d++) {
      if (free[d] + Resources.EPSILON >= share && (best < 0 || free[d] < free[best])) {
        best = d;
      }
    }
    return best;
  }

  /** Rounds as the GPU ledger does, so shares near 0 or 1 read as exactly 0 or 1. */
  private static double clamp(double share) {
    if (share < Resources.EPSILON) {
      return 0;
    }
    return share > 1 - Resources.EPSILON ? 1 : share;
  }

  private int fullyFree() {
    int n = 0;
    for (double f : free) {
      if (f >= 1 - Resources.EPSILON) {
        n++;
      }
    }
    return n;
  }
}
