package dev.flotilla.apiserver.quota;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.apiserver.api.QuotaDtos;
import dev.flotilla.apiserver.error.ApiException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuotaLimitsTest {
  private static final QuotaDtos.Quota TENANT = new QuotaDtos.Quota(4, null, new BigDecimal("100"));

  @Test
  void within_passes() {
    assertThatCode(() -> QuotaLimits.requireWithin(new QuotaDtos.Quota(4, 64, new BigDecimal("99.5")), TENANT))
        .doesNotThrowAnyException();
  }

  @Test
  void above_422NamingField() {
    assertThatThrownBy(() -> QuotaLimits.requireWithin(new QuotaDtos.Quota(5, null, BigDecimal.ONE), TENANT))
        .isInstanceOf(ApiException.class).hasMessageStartingWith("maxGpus: exceeds the tenant's quota of 4");
  }

  @Test
  void unlimitedUnderACap_422NamingField() {
    assertThatThrownBy(() -> QuotaLimits.requireWithin(new QuotaDtos.Quota(1, null, null), TENANT))
        .isInstanceOf(ApiException.class).hasMessageStartingWith("gpuHoursPerMonth:");
  }
}
