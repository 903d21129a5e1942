package dev.flotilla.scheduler.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Chooses a node for one task: every node goes through the profile's filters, the survivors are
 * ranked by the weighted sum of the score plugins, and the best wins (ties go to the node
 * registered first, so plans are deterministic). When no node survives, the filters explain why in
 * one sentence (see {@link FilterPlugin#explain}).
 *
 * <p>{@link #plan} has no side effects, reads no clock and only reads the state it is given;
 * committing the decision is {@link ClusterState#reserve}. Cost: one pass over the nodes, plus a
 * second pass to build the reason when nothing fits. Its stages are public too ({@link
 * #feasibleNodes}, {@link #best}, {@link #explain}) so that a caller placing many tasks of one
 * shape can re-filter only the nodes that passed last time. Immutable and safe to share.
 */
public final class Planner {
  private final SchedulingProfile profile;
  private final List<FilterPlugin> filters;
  private final List<ScorePlugin> scorers;
  private final int[] weights;

  public Planner(SchedulingProfile profile) {
    this(profile, PluginRegistry.withDefaults());
  }

  /** Builds the profile's plugins from {@code registry}; throws for unknown or miscast ones. */
  public Planner(SchedulingProfile profile, PluginRegistry registry) {
    this.profile = Objects.requireNonNull(profile, "profile");
    List<FilterPlugin> fs = new ArrayList<>();
    for (SchedulingProfile.PluginConfig c : profile.filters()) {
      fs.add(cast(registry.create(c.plugin(), c.args()), FilterPlugin.class));
    }
    List<ScorePlugin> ss = new ArrayList<>();
    this.weights = new int[profile.scores().size()];
    for (SchedulingProfile.PluginConfig c : profile.scores()) {
      weights[ss.size()] = c.weight();
      ss.add(cast(registry.create(c.plugin(), c.args()), ScorePlugin.class));
    }
    this.filters = List.copyOf(fs);
    this.scorers = List.copyOf(ss);
  }

  /** The default profile ({@link SchedulingProfile#defaults()}) with the built-in plugins. */
  public static Planner withDefaults() {
    return new Planner(SchedulingProfile.defaults());
  }

  public SchedulingProfile profile() {
    return profile;
  }

  /** Plans against {@code view}, which is only read. */
  public PlacementDecision plan(ClusterState view, PlacementRequest request, Instant now) {
    return plan(view.nodes(), request, now);
  }

  /** Plans against a snapshot of nodes, e.g. one built by a test or a simulation. */
  public PlacementDecision plan(Collection<NodeView> nodes, PlacementRequest request, Instant now) {
    Objects.requireNonNull(request, "request");
    NodeView best = best(feasibleNodes(nodes, request, now), request, now);
    if (best != null) {
      return new PlacementDecision.Placed(best.nodeId());
    }
    return new PlacementDecision.Unplaceable(explain(nodes, request, now));
  }

  /** The filter stage alone: the nodes that pass every filter, in the order given. */
  public List<NodeView> feasibleNodes(
      Collection<NodeView> nodes, PlacementRequest request, Instant now) {
    CycleState cycle = new CycleState(now);
    List<NodeView> feasible = new ArrayList<>();
    for (NodeView node : nodes) {
      if (firstFailure(cycle, request, node) < 0) {
        feasible.add(node);
      }
    }
    return feasible;
  }

  /**
   * The score stage alone: the feasible node with the highest weighted score (the first of equals),
   * or null when {@code feasible} is empty.
   */
  public NodeView best(List<NodeView> feasible, PlacementRequest request, Instant now) {
    if (feasible.size() <= 1) {
      return feasible.isEmpty() ? null : feasible.getFirst();
    }
    CycleState cycle = new CycleState(now);
    NodeView best = null;
    long bestScore = Long.MIN_VALUE;
    for (NodeView node : feasible) {
      long score = score(cycle, request, node);
      if (score > bestScore) {
        best = node;
        bestScore = score;
      }
    }
    return best;
  }

  /** Why no node of {@code nodes} passes every filter, in one sentence for the user. */
  public String explain(Collection<NodeView> nodes, PlacementRequest request, Instant now) {
    return new Explainer(filters).explain(new CycleState(now), request, nodes);
  }

  /** True when {@code node} passes every filter of the profile for {@code request}. */
  public boolean feasible(NodeView node, PlacementRequest request, Instant now) {
    return firstFailure(new CycleState(now), request, node) < 0;
  }

  private int firstFailure(CycleState cycle, PlacementRequest request, NodeView node) {
    for (int i = 0; i < filters.size(); i++) {
      if (!Explainer.run(filters.get(i), cycle, request, node).passed()) {
        return i;
      }
    }
    return -1;
  }

  private long score(CycleState cycle, PlacementRequest request, NodeView node) {
    if (scorers.isEmpty()) {
      return 0;
    }
    long total = 0;
    for (int i = 0; i < scorers.size(); i++) {
      int s = scorers.get(i).score(cycle, request, node);
      total += (long) weights[i] * Math.clamp(s, ScorePlugin.MIN_SCORE, ScorePlugin.MAX_SCORE);
    }
    return total;
  }

  private static <T> T cast(PlacementPlugin plugin, Class<T> kind) {
    if (!kind.isInstance(plugin)) {
      throw new IllegalArgumentException(
          "plugin " + plugin.name() + " is not a " + kind.getSimpleName());
    }
    return kind.cast(plugin);
  }
}
