package dev.flotilla.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GpuDemandTest {

  @Test
  void of_amounts_mapToShapes() {
    assertThat(GpuDemand.of(0)).isInstanceOf(GpuDemand.None.class);
    assertThat(GpuDemand.of(0.25)).isEqualTo(new GpuDemand.Fraction(0.25));
    assertThat(GpuDemand.of(2)).isEqualTo(new GpuDemand.Whole(2));
    assertThat(GpuDemand.of(0.1 + 0.2 + 0.7)).isEqualTo(new GpuDemand.Whole(1));
  }

  @Test
  void of_fractionAboveOne_throws() {
    assertThatThrownBy(() -> GpuDemand.of(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("GPU demand 1.5 must be a whole number or less than 1");
  }

  @Test
  void fractionFitsOn_sharesSpreadOverDevices_needsOneDevice() {
    List<Double> free = List.of(0.4, 0.4);

    assertThat(GpuDemand.of(0.5).fitsOn(free)).isFalse();
    assertThat(GpuDemand.of(0.4).fitsOn(free)).isTrue();
  }

  @Test
  void wholeFitsOn_partlyUsedDevices_countsOnlyFullyFree() {
    List<Double> free = List.of(1.0, 0.5, 1.0);

    assertThat(GpuDemand.of(2).fitsOn(free)).isTrue();
    assertThat(GpuDemand.of(3).fitsOn(free)).isFalse();
  }
}
