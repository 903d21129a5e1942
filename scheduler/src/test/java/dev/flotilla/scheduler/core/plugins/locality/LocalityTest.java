package dev.flotilla.scheduler.core.plugins.locality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.scheduler.core.CycleState;
import dev.flotilla.scheduler.core.PlacementRequest;
import dev.flotilla.scheduler.core.Resources;
import dev.flotilla.scheduler.core.sim.SimNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalityTest {
  private final Locality plugin = new Locality();
  private final CycleState cycle = new CycleState(Instant.EPOCH);

  private static PlacementRequest withBytes(Map<String, Long> bytes) {
    return PlacementRequest.of("t", Resources.parse("CPU:1")).withArgBytes(bytes);
  }

  private int score(PlacementRequest r, String node) {
    return plugin.score(cycle, r, SimNode.named(node).cpus(1).view());
  }

  @Test
  void score_nodeHoldingMostBytes_scoresHighest() {
    PlacementRequest r = withBytes(Map.of("n1", 3_000_000L, "n2", 1_000_000L));

    assertThat(score(r, "n1")).isEqualTo(75);
    assertThat(score(r, "n2")).isEqualTo(25);
    assertThat(score(r, "n3")).isZero();
  }

  @Test
  void score_smallArguments_ignored() {
    PlacementRequest r = withBytes(Map.of("n1", 1_000L));

    assertThat(score(r, "n1")).isZero();
  }

  @Test
  void score_noArguments_zero() {
    assertThat(score(withBytes(Map.of()), "n1")).isZero();
  }

  @Test
  void score_hugeArguments_doNotOverflow() {
    PlacementRequest r = withBytes(Map.of("n1", Long.MAX_VALUE, "n2", Long.MAX_VALUE));

    assertThat(score(r, "n1")).isEqualTo(50);
  }

  @Test
  void fromArgs_minBytesZero_countsEveryByte() {
    Locality eager = Locality.fromArgs(Map.of("minBytes", "0"));

    assertThat(eager.score(cycle, withBytes(Map.of("n1", 10L)), SimNode.named("n1").view()))
        .isEqualTo(100);
  }

  @Test
  void constructor_negativeMinBytes_throws() {
    assertThatThrownBy(() -> new Locality(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
