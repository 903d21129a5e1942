package dev.flotilla.apiserver.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.apiserver.error.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UsageMonthTest {
  private static final Instant NOW = Instant.parse("2026-12-31T23:59:59Z");

  @Test
  void parse_yearMonth_firstDay() {
    assertThat(UsageMonth.parse("2026-02", NOW)).isEqualTo(LocalDate.of(2026, 2, 1));
  }

  @Test
  void parse_absent_currentUtcMonth() {
    assertThat(UsageMonth.parse(null, NOW)).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(UsageMonth.of(Instant.parse("2027-01-01T00:00:00Z"))).isEqualTo(LocalDate.of(2027, 1, 1));
  }

  @Test
  void parse_malformed_422NamingMonth() {
    for (String bad : new String[] {"2026-13", "2026-1", "26-12", "december", "2026-12-01", "0001-01"}) {
      assertThatThrownBy(() -> UsageMonth.parse(bad, NOW)).as(bad).isInstanceOfSatisfying(ApiException.class, e -> {
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.errors()).extracting(f -> f.field()).containsExactly("month");
      });
    }
  }
}
