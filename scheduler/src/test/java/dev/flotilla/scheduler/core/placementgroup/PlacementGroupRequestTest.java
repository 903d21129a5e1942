package dev.flotilla.scheduler.core.placementgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.scheduler.core.Resources;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlacementGroupRequestTest {

  private static PlacementGroupRequest request(List<Resources> bundles) {
    return new PlacementGroupRequest("pg1", bundles, Strategy.PACK);
  }

  @Test
  void new_noBundles_rejected() {
    assertThatThrownBy(() -> request(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("placement group pg1 has no bundles");
  }

  @Test
  void new_emptyBundle_rejectedNamingIt() {
    assertThatThrownBy(() -> request(List.of(Resources.parse("CPU:1"), Resources.none())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bundle 1 of placement group pg1 is empty");
  }

  @Test
  void new_negativeAmount_rejected() {
    assertThatThrownBy(() -> request(List.of(Resources.parse("CPU:-1"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bundle 0 of placement group pg1 demands a negative amount of CPU");
  }

  @Test
  void new_gpuWithoutShape_rejected() {
    assertThatThrownBy(() -> request(List.of(Resources.parse("GPU:1.5"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bundle 0 of placement group pg1: GPU demand 1.5");
  }

  @Test
  void new_blankGroupId_rejected() {
    assertThatThrownBy(
            () -> new PlacementGroupRequest(" ", List.of(Resources.parse("CPU:1")), Strategy.PACK))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void new_bundleList_isCopied() {
    List<Resources> bundles = new ArrayList<>(List.of(Resources.parse("CPU:1")));
    PlacementGroupRequest r = request(bundles);

    bundles.add(Resources.parse("CPU:2"));

    assertThat(r.bundles()).containsExactly(Resources.parse("CPU:1"));
  }
}
