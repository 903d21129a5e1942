package dev.flotilla.scheduler.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.scheduler.state.ClusterStateStore.BundlePlacement;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundleCodecTest {
  @Test
  void roundTrip_keepsNodesAndGpuIndicesPerBundle() {
    var bundles = List.of(new BundlePlacement("node-a1", List.of(0, 3)), new BundlePlacement("node-b2", List.of()),
        new BundlePlacement("node-a1", List.of(1)));
    String text = BundleCodec.encode(bundles);
    assertThat(text).isEqualTo("node-a1|0,3;node-b2|;node-a1|1");
    assertThat(BundleCodec.decode(text)).isEqualTo(bundles);
  }

  @Test
  void empty_meansNotPlaced() {
    assertThat(BundleCodec.encode(List.of())).isEmpty();
    assertThat(BundleCodec.decode("")).isEmpty();
    assertThat(BundleCodec.decode(null)).isEmpty();
  }
}
