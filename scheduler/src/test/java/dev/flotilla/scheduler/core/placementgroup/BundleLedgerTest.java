package dev.flotilla.scheduler.core.placementgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.scheduler.core.Resources;
import org.junit.jupiter.api.Test;

class BundleLedgerTest {
  private final BundleLedger ledger = new BundleLedger(Resources.parse("CPU:2, GPU:1"));

  @Test
  void new_bundle_allFree() {
    assertThat(ledger.total()).isEqualTo(Resources.parse("CPU:2, GPU:1"));
    assertThat(ledger.available()).isEqualTo(ledger.total());
    assertThat(ledger.isIdle()).isTrue();
  }

  @Test
  void reserve_fits_lendsIt() {
    assertThat(ledger.reserve(Resources.parse("CPU:1, GPU:0.5"))).isTrue();

    assertThat(ledger.available()).isEqualTo(Resources.parse("CPU:1, GPU:0.5"));
    assertThat(ledger.isIdle()).isFalse();
  }

  @Test
  void reserve_beyondTheBundle_refusedAndUnchanged() {
    ledger.reserve(Resources.parse("CPU:1.5"));

    assertThat(ledger.reserve(Resources.parse("CPU:1"))).isFalse();
    assertThat(ledger.available()).isEqualTo(Resources.parse("CPU:0.5, GPU:1"));
  }

  @Test
  void reserve_resourceTheBundleLacks_refused() {
    assertThat(ledger.reserve(Resources.parse("memory_mb:1"))).isFalse();
  }

  @Test
  void reserve_fractionsAddingUpToTheBundle_allFitThenNoMore() {
    for (int i = 0; i < 10; i++) {
      assertThat(ledger.reserve(Resources.parse("GPU:0.1"))).as("fraction %d", i).isTrue();
    }

    assertThat(ledger.reserve(Resources.parse("GPU:0.1"))).isFalse();
  }

  @Test
  void release_everythingLent_isIdleAgain() {
    Resources a = Resources.parse("CPU:0.3, GPU:0.3");
    Resources b = Resources.parse("CPU:0.7, GPU:0.7");
    ledger.reserve(a);
    ledger.reserve(b);

    ledger.release(a);
    ledger.release(b);

    assertThat(ledger.isIdle()).isTrue();
    assertThat(ledger.available()).isEqualTo(ledger.total());
  }

  @Test
  void release_moreThanLent_throwsAndChangesNothing() {
    ledger.reserve(Resources.parse("CPU:1"));

    assertThatThrownBy(() -> ledger.release(Resources.parse("CPU:2")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("more than the bundle's CPU:2, GPU:1");
    assertThat(ledger.available()).isEqualTo(Resources.parse("CPU:1, GPU:1"));
  }

  @Test
  void reserve_negativeAmount_throws() {
    assertThatThrownBy(() -> ledger.reserve(Resources.parse("CPU:-1")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void new_emptyBundle_throws() {
    assertThatThrownBy(() -> new BundleLedger(Resources.none()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
