package dev.flotilla.scheduler.core.plugins.resourcefit;

import dev.flotilla.scheduler.core.CycleState;
import dev.flotilla.scheduler.core.FilterPlugin;
import dev.flotilla.scheduler.core.GpuDemand;
import dev.flotilla.scheduler.core.NodeView;
import dev.flotilla.scheduler.core.PlacementRequest;
import dev.flotilla.scheduler.core.PluginStatus;
import dev.flotilla.scheduler.core.Plural;
import dev.flotilla.scheduler.core.Rejection;
import dev.flotilla.scheduler.core.Resources;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps nodes with enough free resources for the demand, named resources and custom ones alike, and
 * with GPU devices of the right shape: a fraction needs one device with that share free, {@code n}
 * whole GPUs need {@code n} fully free devices (the same rule as {@link
 * dev.flotilla.scheduler.core.ClusterState#reserve}).
 */
public final class ResourceFit implements FilterPlugin {
  public static final String NAME = "ResourceFit";
  private static final PluginStatus FITS = PluginStatus.success(NAME);
  private static final PluginStatus NO_DEVICE =
      PluginStatus.unschedulable(NAME, "no GPU device arrangement fits");
  private final Map<String, PluginStatus> insufficient = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PluginStatus filter(CycleState state, PlacementRequest request, NodeView node) {
    Resources available = node.available();
    for (Map.Entry<String, Double> e : request.demand().amounts().entrySet()) {
      if (available.get(e.getKey()) + Resources.EPSILON < e.getValue()) {
        return insufficient.computeIfAbsent(
            e.getKey(), k -> PluginStatus.unschedulable(NAME, "insufficient " + k));
      }
    }
    if (request.demand().get(Resources.GPU) == 0) {
      return FITS;
    }
    return request.gpuDemand().fitsOn(node.gpuFreeByDevice()) ? FITS : NO_DEVICE;
  }

  /** See {@link FitExplanation}; when a later filter ran, just counts the rejected nodes. */
  @Override
  public Optional<String> explain(
      CycleState state, PlacementRequest request, List<Rejection> rejected, int passed) {
    if (passed > 0) {
      String verb = rejected.size() == 1 ? " lacks free " : " lack free ";
      return Optional.of(Plural.nodes(rejected.size()) + verb + request.demand().describe());
    }
    return Optional.of(FitExplanation.of(request.demand(), request.gpuDemand(), rejected));
  }

  static boolean shortOf(double have, double need) {
    return have + Resources.EPSILON < need;
  }

  static String amount(String resource, double value) {
    return resource + ":" + Resources.format(value);
  }

  /** Exposed for {@link FitExplanation}: a rejected node's device view. */
  static int fullyFree(NodeView node) {
    return GpuDemand.fullyFree(node.gpuFreeByDevice());
  }
}
