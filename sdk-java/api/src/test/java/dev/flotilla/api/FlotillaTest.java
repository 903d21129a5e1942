package dev.flotilla.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FlotillaTest {

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", " ", "\t\n"})
  void connect_nullOrBlankAddress_throwsIllegalArgumentExceptionBeforeLoadingRuntime(
      String address) {
    // No runtime is on this module's class path: reaching the provider would fail differently.
    assertThatThrownBy(() -> Flotilla.connect(address))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("flotilla://host:port");
  }
}
