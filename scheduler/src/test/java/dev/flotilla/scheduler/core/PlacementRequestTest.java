package dev.flotilla.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlacementRequestTest {

  @Test
  void constructor_negativeDemand_throwsNamingTask() {
    assertThatThrownBy(
            () -> new PlacementRequest("t1", "train", Resources.parse("CPU:-1"), null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("task train demands a negative amount of CPU");
  }

  @Test
  void constructor_gpuNeitherWholeNorFraction_throws() {
    assertThatThrownBy(() -> PlacementRequest.of("t1", Resources.parse("GPU:2.5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("GPU demand 2.5 must be a whole number or less than 1");
  }

  @Test
  void constructor_nullsAndBlankName_defaulted() {
    PlacementRequest r = new PlacementRequest("t1", " ", Resources.none(), null, null);

    assertThat(r.name()).isEqualTo("t1");
    assertThat(r.labelSelector()).isEmpty();
    assertThat(r.argBytesByNode()).isEmpty();
  }

  @Test
  void withArgBytes_keepsEverythingElse() {
    PlacementRequest r =
        new PlacementRequest("t1", "n", Resources.parse("CPU:1"), Map.of("a", "b"), Map.of());

    PlacementRequest moved = r.withArgBytes(Map.of("n1", 5L));

    assertThat(moved.argBytesByNode()).containsEntry("n1", 5L);
    assertThat(moved.labelSelector()).isEqualTo(r.labelSelector());
    assertThat(moved.demand()).isEqualTo(r.demand());
  }

  @Test
  void constructor_negativeArgBytes_throws() {
    assertThatThrownBy(
            () -> PlacementRequest.of("t1", Resources.none()).withArgBytes(Map.of("n1", -1L)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
