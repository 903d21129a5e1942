package dev.flotilla.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class ApiServerReadinessTest {

  @Test
  void call_anyVersion_upWithNameAndVersionData() {
    HealthCheckResponse response = new ApiServerReadiness("1.2.3").call();

    assertThat(response.getName()).isEqualTo("api-server");
    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(response.getData())
        .hasValueSatisfying(
            data ->
                assertThat(data)
                    .containsEntry("name", "flotilla")
                    .containsEntry("version", "1.2.3"));
  }

  @Test
  void constructor_nullVersion_rejected() {
    assertThatNullPointerException().isThrownBy(() -> new ApiServerReadiness(null));
  }
}
