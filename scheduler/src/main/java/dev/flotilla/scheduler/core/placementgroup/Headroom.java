package dev.flotilla.scheduler.core.placementgroup;

import dev.flotilla.scheduler.core.GpuDemand;
import dev.flotilla.scheduler.core.NodeView;
import dev.flotilla.scheduler.core.Resources;
import java.util.Set;

/**
 * What is still free on one node while a plan tries bundles on it, down to each GPU device. {@link
 * #take} picks devices as {@code ClusterState.reserve} does (whole GPUs: the lowest fully free
 * devices; a fraction: the most used device it fits on), so a simulated layout is the real one.
 * Mutable and short-lived: one plan.
 */
final class Headroom {
  private final NodeView node;
  private final double[] free;
  private Resources available;
  private int bundles;

  Headroom(NodeView node) {
    this.node = node;
    this.available = node.available();
    this.free = new double[node.gpuCount()];
    for (int d = 0; d < free.length; d++) {
      free[d] = node.gpuFreeByDevice().get(d);
    }
  }

  private Headroom(Headroom other) {
    this.node = other.node;
    this.free = other.free.clone();
    this.available = other.available;
    this.bundles = other.bundles;
  }

  Headroom copy() {
    return new Headroom(this);
  }

  NodeView node() {
    return node;
  }

  /** How many of the group's bundles this plan put here. */
  int bundles() {
    return bundles;
  }

  Resources available() {
    return available;
  }

  boolean fits(Resources demand) {
    if (!available.fits(demand)) {
      return false;
    }
    return switch (GpuDemand.of(demand.get(Resources.GPU))) {
      case GpuDemand.None n -> true;
      case GpuDemand.Fraction f -> shareDevice(f.share()) >= 0;
      case GpuDemand.Whole w -> fullyFree() >= w.count();
    };
  }

  /** Takes {@code demand}, which must {@link #fits fit}. */
  void take(Resources demand) {
    available = available.minus(demand);
    bundles++;
    switch (GpuDemand.of(demand.get(Resources.GPU))) {
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
   * The mean free fraction (0..1) of the node's {@code resources} it has any of: low means a tight
   * fit (packing prefers it), high means an idle node (spreading prefers it).
   */
  double freeShare(Set<String> resources) {
    double sum = 0;
    int counted = 0;
    for (String name : resources) {
      double total = node.total().get(name);
      if (total > Resources.EPSILON) {
        sum += Math.clamp(available.get(name) / total, 0.0, 1.0);
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
