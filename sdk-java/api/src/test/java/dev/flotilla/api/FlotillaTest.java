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

  @org.junit.jupiter.api.Test
  void connect_noRuntimeOnClassPath_throwsFlotillaExceptionNamingFlotillaSdkEveryTime() {
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> Flotilla.connect("flotilla://h:1"))
          .isExactlyInstanceOf(FlotillaException.class)
          .hasMessageContaining("dev.flotilla:flotilla-sdk");
    }
  }
}
