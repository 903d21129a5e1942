package dev.flotilla.apiserver.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.apiserver.api.UsageDtos;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageCsvTest {

  @Test
  void csv_headerRowCrlfAndQuoting() {
    Instant at = Instant.parse("2026-12-02T10:00:00Z");
    String csv = UsageCsv.of("2026-12", List.of(new UsageDtos.Job("vision", "job,\"1\"", 2.5, 1.0, at, at)));
    assertThat(csv).isEqualTo("month,workspace,job_id,cpu_seconds,gpu_seconds,first_metered_at,last_metered_at\r\n"
        + "2026-12,vision,\"job,\"\"1\"\"\",2.5,1.0,2026-12-02T10:00:00Z,2026-12-02T10:00:00Z\r\n");
  }

  @Test
  void field_lineBreak_quoted() {
    assertThat(UsageCsv.field("a\nb")).isEqualTo("\"a\nb\"");
    assertThat(UsageCsv.field("plain")).isEqualTo("plain");
  }
}
