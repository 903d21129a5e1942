package dev.flotilla.scheduler.core.plugins.hybrid;

import dev.flotilla.scheduler.core.CycleState;
import dev.flotilla.scheduler.core.NodeView;
import dev.flotilla.scheduler.core.PlacementRequest;
import dev.flotilla.scheduler.core.Resources;
import dev.flotilla.scheduler.core.ScorePlugin;
import dev.flotilla.scheduler.core.plugins.PluginArgs;
import java.util.Map;
import java.util.Set;

/**
 * Ray's hybrid policy as a score. A node's utilisation is that of its most used resource after
 * placing the task. Below {@code spreadThreshold} (default 0.5) nodes score 50..100, more used is
 * better, so work packs onto few nodes and the rest stay free for big tasks; above it they score
 * 0..49, less used is better, so a busy fleet spreads load. Tasks that need no GPU score GPU nodes
 * in a band below every GPU-less node (0..30 against 40..100) to keep GPUs for GPU work.
 */
public final class HybridPackSpread implements ScorePlugin {
  public static final String NAME = "HybridPackSpread";
  public static final String SPREAD_THRESHOLD = "spreadThreshold";
  public static final double DEFAULT_SPREAD_THRESHOLD = 0.5;
  private final double threshold;

  public HybridPackSpread(double spreadThreshold) {
    if (!(spreadThreshold >= 0 && spreadThreshold <= 1)) {
      throw new IllegalArgumentException(
          NAME + " " + SPREAD_THRESHOLD + " must be within [0, 1], got " + spreadThreshold);
    }
    this.threshold = spreadThreshold;
  }

  public HybridPackSpread() {
    this(DEFAULT_SPREAD_THRESHOLD);
  }

  public static HybridPackSpread fromArgs(Map<String, String> args) {
    PluginArgs a = PluginArgs.of(NAME, args, Set.of(SPREAD_THRESHOLD));
    return new HybridPackSpread(a.doubleArg(SPREAD_THRESHOLD, DEFAULT_SPREAD_THRESHOLD));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int score(CycleState state, PlacementRequest request, NodeView node) {
    double base = packOrSpread(utilisationAfter(request.demand(), node));
    boolean avoidGpuNode =
        request.demand().get(Resources.GPU) < Resources.EPSILON
            && node.total().get(Resources.GPU) >= Resources.EPSILON;
    return (int) Math.round(avoidGpuNode ? 30 * base : 40 + 60 * base);
  }

  /** 0.5..1 rising with use below the threshold; 0..0.5 falling with use above it. */
  double packOrSpread(double utilisation) {
    if (utilisation <= threshold) {
      return threshold == 0 ? 1 : 0.5 + 0.5 * utilisation / threshold;
    }
    return 0.5 * (1 - utilisation) / (1 - threshold);
  }

  /** The highest used/total share over the node's resources, once the demand is placed. */
  static double utilisationAfter(Resources demand, NodeView node) {
    double worst = 0;
    for (Map.Entry<String, Double> e : node.total().amounts().entrySet()) {
      double total = e.getValue();
      if (total < Resources.EPSILON) {
        continue;
      }
      double used = total - node.available().get(e.getKey()) + demand.get(e.getKey());
      worst = Math.max(worst, used / total);
    }
    return Math.clamp(worst, 0, 1);
  }
}
