package dev.flotilla.worker.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomResourcesTest {
  @Test
  void parseResources_list_returnsAmountsInOrder() {
    assertThat(CustomResources.parseResources(" tpu-slice=4, license=0.5 "))
        .containsExactly(Map.entry("tpu-slice", 4.0), Map.entry("license", 0.5));
  }

  @Test
  void parseResources_blankOrNull_isEmpty() {
    assertThat(CustomResources.parseResources("")).isEmpty();
    assertThat(CustomResources.parseResources(null)).isEmpty();
  }

  @Test
  void parseResources_negativeOrText_throwsNamingTheResource() {
    assertThatThrownBy(() -> CustomResources.parseResources("a=-1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount of a");
    assertThatThrownBy(() -> CustomResources.parseResources("a=lots"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'lots'");
  }

  @Test
  void parseResources_reservedName_throwsPointingToDetection() {
    assertThatThrownBy(() -> CustomResources.parseResources("GPU=8"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FLOTILLA_FAKE_GPUS");
  }

  @Test
  void parseLabels_missingValue_throws() {
    assertThat(CustomResources.parseLabels("zone=a,rack=7")).containsEntry("rack", "7");
    assertThatThrownBy(() -> CustomResources.parseLabels("zone"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name=value");
  }
}
