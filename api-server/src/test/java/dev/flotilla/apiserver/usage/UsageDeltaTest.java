package dev.flotilla.apiserver.usage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsageDeltaTest {

  @Test
  void sameTotalsAgain_addNothing() {
    assertThat(UsageDelta.between(10, 4, 10, 4).isZero()).isTrue();
  }

  @Test
  void grownTotals_addTheGrowth() {
    assertThat(UsageDelta.between(15, 6, 10, 4)).isEqualTo(new UsageDelta(5, 2));
  }

  @Test
  void totalsBelowLastOnes_schedulerRestarted_allNew() {
    assertThat(UsageDelta.between(3, 1, 10, 4)).isEqualTo(new UsageDelta(3, 1));
  }
}
