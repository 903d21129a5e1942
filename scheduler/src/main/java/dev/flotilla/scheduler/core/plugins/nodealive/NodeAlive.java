package dev.flotilla.scheduler.core.plugins.nodealive;

import dev.flotilla.scheduler.core.CycleState;
import dev.flotilla.scheduler.core.FilterPlugin;
import dev.flotilla.scheduler.core.NodeView;
import dev.flotilla.scheduler.core.PlacementRequest;
import dev.flotilla.scheduler.core.PluginStatus;
import dev.flotilla.scheduler.core.Rejection;
import java.util.List;
import java.util.Optional;

/** Filters out nodes marked dead; they keep running work until released but take nothing new. */
public final class NodeAlive implements FilterPlugin {
  public static final String NAME = "NodeAlive";
  private static final PluginStatus ALIVE = PluginStatus.success(NAME);
  private static final PluginStatus DEAD = PluginStatus.unschedulable(NAME, "node is dead");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PluginStatus filter(CycleState state, PlacementRequest request, NodeView node) {
    return node.alive() ? ALIVE : DEAD;
  }

  /** "no alive nodes (3 nodes are dead)" when nothing is alive; silent otherwise. */
  @Override
  public Optional<String> explain(
      CycleState state, PlacementRequest request, List<Rejection> rejected, int passed) {
    if (passed > 0) {
      return Optional.empty();
    }
    String dead = rejected.size() == 1 ? "1 node is dead" : rejected.size() + " nodes are dead";
    return Optional.of("no alive nodes (" + dead + ")");
  }
}
