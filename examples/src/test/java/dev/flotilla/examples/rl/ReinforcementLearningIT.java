package dev.flotilla.examples.rl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.api.Flotilla;
import dev.flotilla.testing.FlotillaClusterExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ReinforcementLearning example's training on a real cluster of two 2-CPU workers. */
class ReinforcementLearningIT {
  @RegisterExtension
  static FlotillaClusterExtension cluster =
      FlotillaClusterExtension.withWorkers(2).configure(o -> o.cpusPerWorker(2));

  @Test
  void train_defaults_returnRisesFromRandomToBalanced_exactlyAsInOneJvm() {
    Training.Config config = Training.Config.defaults();
    List<IterationStats> streamed = new ArrayList<>();
    List<IterationStats> history;
    try (Flotilla fl = cluster.connect()) {
      history = Training.run(fl, config, streamed::add);
    }

    assertThat(streamed).as("stats handed to the callback").isEqualTo(history);
    assertThat(history).extracting(IterationStats::episodes).as("episodes per update")
        .hasSize(config.iterations())
        .containsOnly(config.rollouts() * config.episodesPerRollout());
    double first = mean(history.subList(0, 3));
    double last = mean(history.subList(history.size() - 3, history.size()));
    assertThat(first).as("a random policy's average return").isLessThan(60);
    assertThat(last)
        .as("average return over the last 3 iterations, vs %.1f over the first 3", first)
        .isGreaterThan(2 * first)
        .isGreaterThan(150);
    assertThat(history).as("seeded rollouts, ordered calls: the cluster repeats the one-JVM run")
        .isEqualTo(InProcess.train(config));
  }

  private static double mean(List<IterationStats> stats) {
    return stats.stream().mapToDouble(IterationStats::meanReturn).average().orElseThrow();
  }
}
