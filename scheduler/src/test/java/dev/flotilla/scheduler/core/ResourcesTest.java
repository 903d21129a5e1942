package dev.flotilla.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourcesTest {

  @Test
  void of_zeroAmounts_areDropped() {
    Resources r = Resources.of(Map.of("CPU", 0.0, "GPU", 1.0));

    assertThat(r.amounts()).containsOnlyKeys("GPU");
    assertThat(Resources.of(Map.of("CPU", 0.0))).isEqualTo(Resources.none());
  }

  @Test
  void get_absentName_returnsZero() {
    assertThat(Resources.none().get("CPU")).isZero();
  }

  @Test
  void fits_fractionsThatSumWithRoundingError_fit() {
    Resources available = Resources.of(Map.of("GPU", 0.1 + 0.2));

    assertThat(available.fits(Resources.of(Map.of("GPU", 0.3)))).isTrue();
  }

  @Test
  void fits_demandAboveAvailable_isFalse() {
    Resources available = Resources.parse("CPU:2, memory_mb:512");

    assertThat(available.fits(Resources.parse("CPU:2, memory_mb:1024"))).isFalse();
    assertThat(available.fits(Resources.parse("custom:1"))).isFalse();
    assertThat(available.fits(Resources.parse("CPU:2"))).isTrue();
  }

  @Test
  void plusThenMinus_sameAmount_returnsOriginal() {
    Resources a = Resources.parse("CPU:4, GPU:1");
    Resources b = Resources.parse("CPU:1.5, GPU:0.25, x:3");

    assertThat(a.plus(b).minus(b)).isEqualTo(a);
  }

  @Test
  void minus_moreThanHeld_goesNegative() {
    assertThat(Resources.parse("CPU:1").minus(Resources.parse("CPU:3")).get("CPU")).isEqualTo(-2);
  }

  @Test
  void describe_mixedAmounts_sortedWithoutTrailingZeros() {
    Resources r = Resources.of(Map.of("memory_mb", 512.0, "GPU", 0.5, "CPU", 2.0));

    assertThat(r.describe()).isEqualTo("CPU:2, GPU:0.5, memory_mb:512");
    assertThat(Resources.none().describe()).isEqualTo("nothing");
  }

  @Test
  void parse_describeOutput_roundTrips() {
    Resources r = Resources.parse("CPU:2, GPU:0.25, custom_tpu:3");

    assertThat(Resources.parse(r.describe())).isEqualTo(r);
  }

  @Test
  void constructor_roundingNoise_isRemoved() {
    assertThat(Resources.of(Map.of("GPU", 0.1 + 0.2))).isEqualTo(Resources.parse("GPU:0.3"));
  }

  @Test
  void format_roundingNoise_isHidden() {
    assertThat(Resources.format(0.1 + 0.2)).isEqualTo("0.3");
  }

  @Test
  void constructor_invalidAmount_throws() {
    assertThatThrownBy(() -> Resources.of(Map.of("CPU", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CPU");
    assertThatThrownBy(() -> Resources.parse("CPU")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void withAndWithout_changeOneEntry() {
    Resources r = Resources.parse("CPU:2, GPU:1");

    assertThat(r.with("CPU", 8).get("CPU")).isEqualTo(8);
    assertThat(r.without("GPU")).isEqualTo(Resources.parse("CPU:2"));
  }
}
