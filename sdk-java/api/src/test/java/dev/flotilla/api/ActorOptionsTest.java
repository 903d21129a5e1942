package dev.flotilla.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ActorOptionsTest {
  @Test
  void defaults_oneCpuNoRestartsOneAtATimeNonDetached() {
    ActorOptions o = ActorOptions.DEFAULTS;
    assertThat(o.cpus()).isEqualTo(1);
    assertThat(o.gpus()).isZero();
    assertThat(o.maxRestarts()).isZero();
    assertThat(o.maxTaskRetries()).isZero();
    assertThat(o.maxConcurrency()).isEqualTo(1);
    assertThat(o.name()).isEmpty();
    assertThat(o.namespace()).isEqualTo(ActorOptions.DEFAULT_NAMESPACE);
    assertThat(o.lifetime()).isEqualTo(Lifetime.NON_DETACHED);
  }

  @Test
  void build_allOptions_kept() {
    ActorOptions o = ActorOptions.builder().cpus(2).gpus(0.5).memoryMb(512).resource("tpu", 1)
        .maxRestarts(ActorOptions.UNLIMITED).maxTaskRetries(2).maxConcurrency(8).name("c")
        .namespace("team-a").lifetime(Lifetime.DETACHED).accelerator("H100").build();
    assertThat(o.gpus()).isEqualTo(0.5);
    assertThat(o.resources()).containsEntry("tpu", 1.0);
    assertThat(o.maxRestarts()).isEqualTo(-1);
    assertThat(o.name()).contains("c");
    assertThat(o.lifetime()).isEqualTo(Lifetime.DETACHED);
    assertThat(o.accelerator()).contains("H100");
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of((UnaryOperator<ActorOptions.Builder>) b -> b.cpus(-1), "cpus"),
        Arguments.of((UnaryOperator<ActorOptions.Builder>) b -> b.gpus(1.5), "gpus above 1"),
        Arguments.of((UnaryOperator<ActorOptions.Builder>) b -> b.memoryMb(-1), "memoryMb"),
        Arguments.of((UnaryOperator<ActorOptions.Builder>) b -> b.maxRestarts(-2), "maxRestarts"),
        Arguments.of((UnaryOperator<ActorOptions.Builder>) b -> b.maxTaskRetries(-2), "maxTaskRetries"),
        Arguments.of((UnaryOperator<ActorOptions.Builder>) b -> b.maxConcurrency(0), "maxConcurrency"),
        Arguments.of((UnaryOperator<ActorOptions.Builder>) b -> b.name(" "), "name"),
        Arguments.of((UnaryOperator<ActorOptions.Builder>) b -> b.namespace(""), "namespace"),
        Arguments.of((UnaryOperator<ActorOptions.Builder>) b -> b.lifetime(null), "lifetime"),
        Arguments.of((UnaryOperator<ActorOptions.Builder>) b -> b.resource("GPU", 1), "GPU"),
        Arguments.of((UnaryOperator<ActorOptions.Builder>) b -> b.resource("x", -1), "resource x"));
  }

  @ParameterizedTest
  @MethodSource("invalid")
  void build_invalidOption_throwsNamingIt(UnaryOperator<ActorOptions.Builder> change, String named) {
    assertThatThrownBy(() -> change.apply(ActorOptions.builder()).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(named);
  }
}
