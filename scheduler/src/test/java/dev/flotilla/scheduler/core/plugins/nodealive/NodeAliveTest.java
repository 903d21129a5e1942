package dev.flotilla.scheduler.core.plugins.nodealive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.scheduler.core.CycleState;
import dev.flotilla.scheduler.core.NodeView;
import dev.flotilla.scheduler.core.PlacementRequest;
import dev.flotilla.scheduler.core.PluginStatus;
import dev.flotilla.scheduler.core.Rejection;
import dev.flotilla.scheduler.core.Resources;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeAliveTest {
  private final NodeAlive plugin = new NodeAlive();
  private final CycleState cycle = new CycleState(Instant.EPOCH);
  private final PlacementRequest request = PlacementRequest.of("t", Resources.parse("CPU:1"));

  private static NodeView node(String id, boolean alive) {
    Resources total = Resources.parse("CPU:4");
    return new NodeView(id, "", total, total, Map.of(), alive);
  }

  @Test
  void filter_aliveNode_succeeds() {
    assertThat(plugin.filter(cycle, request, node("n1", true)).code())
        .isEqualTo(PluginStatus.Code.SUCCESS);
  }

  @Test
  void filter_deadNode_unschedulable() {
    PluginStatus s = plugin.filter(cycle, request, node("n1", false));

    assertThat(s.code()).isEqualTo(PluginStatus.Code.UNSCHEDULABLE);
    assertThat(s.reasons()).containsExactly("node is dead");
  }

  @Test
  void explain_noAliveNodes_saysSo() {
    NodeView dead = node("n1", false);
    List<Rejection> rejected = List.of(new Rejection(dead, plugin.filter(cycle, request, dead)));

    assertThat(plugin.explain(cycle, request, rejected, 0))
        .contains("no alive nodes (1 node is dead)");
  }

  @Test
  void explain_someNodesAlive_staysSilent() {
    NodeView dead = node("n1", false);
    List<Rejection> rejected = List.of(new Rejection(dead, plugin.filter(cycle, request, dead)));

    assertThat(plugin.explain(cycle, request, rejected, 3)).isEmpty();
  }
}
