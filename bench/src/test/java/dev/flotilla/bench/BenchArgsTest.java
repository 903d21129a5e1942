package dev.flotilla.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchArgsTest {
  private static final BenchArgs.Suite SUITE = new BenchArgs.Suite("S", List.of("x", "y"), Map.of("batch", "1000"));

  @Test
  void parse_ownOptionGiven_overridesItsDefault_sharedDefaultsKept() {
    BenchArgs a = BenchArgs.parse(new String[] {"--batch", "7", "--only", "y"}, SUITE);

    assertThat(a.intOption("batch")).isEqualTo(7);
    assertThat(a.workers()).isEqualTo(2);
    assertThat(a.runs("y")).isTrue();
    assertThat(a.runs("x")).isFalse();
  }

  @Test
  void parse_anotherSuitesOptionOrFigure_rejectedWithUsage() {
    assertThatThrownBy(() -> BenchArgs.parse(new String[] {"--large-mib", "64"}, SUITE))
        .hasMessageContaining("unknown option --large-mib").hasMessageContaining("usage: S");
    assertThatThrownBy(() -> BenchArgs.parse(new String[] {"--only", "z"}, SUITE))
        .hasMessageContaining("unknown benchmark(s) [z]");
  }
}
