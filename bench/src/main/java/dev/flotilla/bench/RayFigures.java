package dev.flotilla.bench;

import java.util.Map;
import java.util.Optional;

/**
 * Ray 2.48's published core microbenchmark figures ({@code ray microbenchmark}, i.e. {@code
 * ray/_private/ray_perf.py}, on one 64-vCPU m5.16xlarge), where the get and put call figures are
 * named "single client get/put calls (Plasma Store)" and the placement group figure "placement
 * group create/removal". A reference point from a different, much
 * larger machine: not a peer measured in the same run.
 */
final class RayFigures {
  static final String SOURCE = "Ray 2.48, `ray microbenchmark`, 64-vCPU m5.16xlarge (published)";

  private static final Map<String, Double> FIGURES = Map.of(
      CoreBenchmarks.TASKS_SYNC, 981.0,
      CoreBenchmarks.TASKS_ASYNC, 8_041.0,
      CoreBenchmarks.PUT_CALLS, 5_173.0,
      CoreBenchmarks.GET_CALLS, 10_620.0,
      CoreBenchmarks.PUT_GB, 19.9,
      ActorBenchmarks.ACTOR_SYNC, 2_012.0,
      ActorBenchmarks.ACTOR_ASYNC, 8_664.0,
      ActorBenchmarks.ACTOR_NN, 27_376.0,
      ActorBenchmarks.PG_CREATE_REMOVE, 765.0);

  private RayFigures() {}

  static Optional<Double> of(String benchmark) {
    return Optional.ofNullable(FIGURES.get(benchmark));
  }
}
