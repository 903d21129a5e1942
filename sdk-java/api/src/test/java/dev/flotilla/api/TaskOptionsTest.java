package dev.flotilla.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaskOptionsTest {

  @Test
  void build_nothingSet_usesDocumentedDefaults() {
    TaskOptions o = TaskOptions.builder().build();

    assertThat(o.cpus()).isEqualTo(1.0);
    assertThat(o.gpus()).isEqualTo(0.0);
    assertThat(o.memoryMb()).isZero();
    assertThat(o.resources()).isEmpty();
    assertThat(o.maxRetries()).isEqualTo(3);
    assertThat(o.retryExceptions()).isFalse();
    assertThat(o.name()).isEmpty();
    assertThat(o.accelerator()).isEmpty();
  }

  @Test
  void defaults_constant_equalsEmptyBuilder() {
    assertThat(TaskOptions.DEFAULTS).isEqualTo(TaskOptions.builder().build());
  }

  static Stream<Arguments> rejectedValues() {
    return Stream.of(
        rejected("cpus", b -> b.cpus(-1)),
        rejected("cpus", b -> b.cpus(Double.NaN)),
        rejected("cpus", b -> b.cpus(Double.POSITIVE_INFINITY)),
        rejected("gpus", b -> b.gpus(-0.5)),
        rejected("gpus", b -> b.gpus(Double.NaN)),
        rejected("gpus", b -> b.gpus(Double.POSITIVE_INFINITY)),
        rejected("gpus", b -> b.gpus(1.5)),
        rejected("memoryMb", b -> b.memoryMb(-1)),
        rejected("maxRetries", b -> b.maxRetries(-2)),
        rejected("maxRetries", b -> b.maxRetries(Integer.MIN_VALUE)),
        rejected("name", b -> b.name("")),
        rejected("name", b -> b.name("  ")),
        rejected("accelerator", b -> b.accelerator("")),
        rejected("accelerator", b -> b.accelerator(" \t")),
        rejected("resource", b -> b.resource("", 1)),
        rejected("resource", b -> b.resource(" ", 1)),
        rejected("resource", b -> b.resource(null, 1)),
        rejected("resource tpu", b -> b.resource("tpu", -1)),
        rejected("resource tpu", b -> b.resource("tpu", Double.NaN)),
        rejected("resource tpu", b -> b.resource("tpu", Double.POSITIVE_INFINITY)),
        rejected("CPU", b -> b.resource("CPU", 1)),
        rejected("GPU", b -> b.resource("GPU", 1)),
        rejected("memory_mb", b -> b.resource("memory_mb", 1)));
  }

  private static Arguments rejected(String option, UnaryOperator<TaskOptions.Builder> set) {
    return Arguments.of(option, set);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("rejectedValues")
  void build_invalidValue_throwsIllegalArgumentExceptionNamingOption(
      String option, UnaryOperator<TaskOptions.Builder> set) {
    TaskOptions.Builder b = set.apply(TaskOptions.builder());

    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(option);
  }

  @Test
  void build_reservedResourceName_pointsToDedicatedOption() {
    assertThatThrownBy(() -> TaskOptions.builder().resource("GPU", 1).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gpus()");
  }

  @Test
  void build_severalInvalidValues_namesTheFirstChecked() {
    var b = TaskOptions.builder().cpus(-1).gpus(-1);

    assertThatThrownBy(b::build).hasMessageStartingWith("cpus");
  }

  @Test
  void build_boundaryValues_accepted() {
    TaskOptions o =
        TaskOptions.builder()
            .cpus(0)
            .gpus(0.25)
            .memoryMb(0)
            .maxRetries(TaskOptions.UNLIMITED_RETRIES)
            .resource("tpu-slice", 0)
            .build();

    assertThat(o.cpus()).isZero();
    assertThat(o.gpus()).isEqualTo(0.25);
    assertThat(o.maxRetries()).isEqualTo(-1);
    assertThat(o.resources()).containsExactly(Map.entry("tpu-slice", 0.0));
  }

  @Test
  void build_wholeGpusAboveOne_accepted() {
    assertThat(TaskOptions.builder().gpus(8).build().gpus()).isEqualTo(8.0);
    assertThat(TaskOptions.builder().gpus(1).build().gpus()).isEqualTo(1.0);
  }

  @Test
  void build_everyOptionSet_carriesThemAll() {
    TaskOptions o =
        TaskOptions.builder()
            .cpus(4)
            .gpus(2)
            .memoryMb(2048)
            .resource("tpu-slice", 1)
            .maxRetries(0)
            .retryExceptions(true)
            .name("train")
            .accelerator("H100")
            .build();

    assertThat(o.cpus()).isEqualTo(4.0);
    assertThat(o.gpus()).isEqualTo(2.0);
    assertThat(o.memoryMb()).isEqualTo(2048);
    assertThat(o.resources()).containsExactly(Map.entry("tpu-slice", 1.0));
    assertThat(o.maxRetries()).isZero();
    assertThat(o.retryExceptions()).isTrue();
    assertThat(o.name()).contains("train");
    assertThat(o.accelerator()).contains("H100");
  }

  @Test
  void build_builderChangedAfterwards_builtOptionsUnchanged() {
    var b = TaskOptions.builder().resource("tpu-slice", 1);
    TaskOptions first = b.build();

    b.resource("fpga", 2).cpus(8);

    assertThat(first.resources()).containsOnlyKeys("tpu-slice");
    assertThat(first.cpus()).isEqualTo(1.0);
  }

  @Test
  void resources_ofBuiltOptions_isUnmodifiable() {
    TaskOptions o = TaskOptions.builder().resource("tpu-slice", 1).build();

    assertThatThrownBy(() -> o.resources().put("x", 1.0))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
