package dev.flotilla.deploy.jobcli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class JobOptionsTest {

  @Test
  void parse_submit_optionsAndArgumentsAfterDoubleDash() {
    JobOptions o = JobOptions.parse(List.of("submit", "--jar", "app.jar", "--main", "com.x.Main", "--gpus", "2",
        "--idempotency-key", "k1", "--", "--not-an-option", "b"));
    assertThat(o.required("jar")).isEqualTo("app.jar");
    assertThat(o.value("gpus", "0")).isEqualTo("2");
    assertThat(o.value("idempotency-key", null)).isEqualTo("k1");
    assertThat(o.rest()).containsExactly("--not-an-option", "b");
  }

  @Test
  void parse_logsFollow_flagAndId() {
    JobOptions o = JobOptions.parse(List.of("logs", "-f", "abc"));
    assertThat(o.flag("f")).isTrue();
    assertThat(o.operand()).isEqualTo("abc");
  }

  @Test
  void parse_badLines_clearMessages() {
    assertThatThrownBy(() -> JobOptions.parse(List.of("submit", "--jar", "a.jar"))).hasMessage("--main is required");
    assertThatThrownBy(() -> JobOptions.parse(List.of("stop"))).hasMessage("job stop takes one job id");
    assertThatThrownBy(() -> JobOptions.parse(List.of("launch"))).hasMessage("unknown job command launch");
    assertThatThrownBy(() -> JobOptions.parse(List.of("list", "--bogus"))).hasMessage("unknown option --bogus");
    assertThatThrownBy(() -> JobOptions.parse(List.of("submit", "--jar", "a", "--main", "M", "--cpus", "x")))
        .hasMessage("--cpus takes a whole number");
  }
}
