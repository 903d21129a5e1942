package dev.flotilla.scheduler.core.placementgroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.scheduler.core.ClusterState;
import dev.flotilla.scheduler.core.Resources;
import dev.flotilla.scheduler.core.sim.SimNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay that checks a search's layout against the order and devices reserving will use. */
class GangContextTest {

  private static GangContext context(ClusterState state, String... bundles) {
    return GangContext.of(
        List.copyOf(state.nodes()), List.of(bundles).stream().map(Resources::parse).toList());
  }

  @Test
  void replays_layoutThatFitsInReserveOrder_true() {
    ClusterState state = Gangs.fleet(SimNode.named("a").gpus(2), SimNode.named("b").gpus(1));
    GangContext ctx = context(state, "GPU:0.5", "GPU:1", "GPU:1");

    assertThat(ctx.replays(new Attempt(new int[] {0, 0, 1}, 3))).isTrue();
  }

  @Test
  void replays_fractionsReserveOrderCannotArrange_false() {
    ClusterState state = Gangs.fleet(SimNode.named("a").gpus(2));
    state.reserve("a", Resources.parse("GPU:0.2"));
    // reserving 0.6 first packs it onto the used device, and 0.3 is stranded at the end
    GangContext ctx = context(state, "GPU:0.3", "GPU:0.5", "GPU:0.4", "GPU:0.6");

    assertThat(ctx.replays(new Attempt(new int[] {0, 0, 0, 0}, 4))).isFalse();
  }

  @Test
  void order_largestGpuDemandFirstThenBundleOrder() {
    ClusterState state = Gangs.fleet(SimNode.named("a").cpus(1));

    assertThat(context(state, "CPU:1", "GPU:0.5", "GPU:2", "GPU:0.5").order())
        .containsExactly(2, 1, 3, 0);
  }
}
