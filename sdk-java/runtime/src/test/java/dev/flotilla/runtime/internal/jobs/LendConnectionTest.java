package dev.flotilla.runtime.internal.jobs;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.runtime.internal.client.FlotillaProviderImpl;
import org.junit.jupiter.api.Test;

class LendConnectionTest {
  @Test
  void lendExecutorConnection_outsideAnExecutor_refusedWithAReason() {
    assertThatThrownBy(() -> FlotillaProviderImpl.lendExecutorConnection(true))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a Flotilla executor");
  }
}
