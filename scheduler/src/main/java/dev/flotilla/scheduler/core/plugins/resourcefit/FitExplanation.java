package dev.flotilla.scheduler.core.plugins.resourcefit;

import static dev.flotilla.scheduler.core.plugins.resourcefit.ResourceFit.amount;
import static dev.flotilla.scheduler.core.plugins.resourcefit.ResourceFit.shortOf;

import dev.flotilla.scheduler.core.GpuDemand;
import dev.flotilla.scheduler.core.NodeView;
import dev.flotilla.scheduler.core.Rejection;
import dev.flotilla.scheduler.core.Resources;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The one clause that says why no node fits a demand, from the most permanent cause to the most
 * transient: a resource no node has; a node too small even when empty; a resource short everywhere
 * right now; GPU devices of the wrong shape; or resources that are each free somewhere but never
 * all on one node. Looks at each rejected node once per resource: O(nodes × resources).
 */
final class FitExplanation {
  private FitExplanation() {}

  static String of(Resources demand, GpuDemand gpus, List<Rejection> rejected) {
    for (var e : demand.amounts().entrySet()) {
      String name = e.getKey();
      NodeView largest = best(rejected, n -> n.total().get(name));
      double size = largest.total().get(name);
      if (size < Resources.EPSILON) {
        return "needs " + amount(name, e.getValue()) + ", no node has " + name;
      }
      if (shortOf(size, e.getValue())) {
        return "needs "
            + amount(name, e.getValue())
            + "; the largest node has "
            + amount(name, size)
            + " (node "
            + largest.nodeId()
            + ")";
      }
    }
    for (var e : demand.amounts().entrySet()) {
      String name = e.getKey();
      NodeView freest = best(rejected, n -> n.available().get(name));
      double free = freest.available().get(name);
      if (shortOf(free, e.getValue())) {
        return "needs "
            + amount(name, e.getValue())
            + "; the most free on any node is "
            + amount(name, Math.max(0, free))
            + " (node "
            + freest.nodeId()
            + ")";
      }
    }
    String devices = devices(gpus, rejected);
    if (devices != null) {
      return devices;
    }
    return "needs " + demand.describe() + "; no node has all of it free at once";
  }

  private static String devices(GpuDemand gpus, List<Rejection> rejected) {
    return switch (gpus) {
      case GpuDemand.None n -> null;
      case GpuDemand.Fraction f -> {
        NodeView n = best(rejected, v -> GpuDemand.largestShare(v.gpuFreeByDevice()));
        double share = GpuDemand.largestShare(n.gpuFreeByDevice());
        yield shortOf(share, f.share())
            ? "needs "
                + amount(Resources.GPU, f.share())
                + " of one device; the most free on any"
                + " single GPU is "
                + Resources.format(share)
                + " (node "
                + n.nodeId()
                + ")"
            : null;
      }
      case GpuDemand.Whole w -> {
        NodeView n = best(rejected, ResourceFit::fullyFree);
        int free = ResourceFit.fullyFree(n);
        yield free < w.count()
            ? "needs "
                + amount(Resources.GPU, w.count())
                + " as whole devices; the most fully"
                + " free GPUs on any node is "
                + free
                + " (node "
                + n.nodeId()
                + ")"
            : null;
      }
    };
  }

  /** The first node with the highest {@code metric}; {@code rejected} is never empty here. */
  private static NodeView best(List<Rejection> rejected, ToDoubleFunction<NodeView> metric) {
    NodeView best = null;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (Rejection r : rejected) {
      double v = metric.applyAsDouble(r.node());
      if (v > bestValue + Resources.EPSILON) {
        best = r.node();
        bestValue = v;
      }
    }
    return best;
  }
}
