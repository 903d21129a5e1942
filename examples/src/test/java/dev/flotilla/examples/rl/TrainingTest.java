package dev.flotilla.examples.rl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The learning itself, in one JVM: fast, and the reference the cluster run must repeat. */
class TrainingTest {
  @Test
  void train_defaults_averageReturnMoreThanDoubles() {
    List<IterationStats> history = InProcess.train(Training.Config.defaults());

    double first = mean(history.subList(0, 3));
    double last = mean(history.subList(history.size() - 3, history.size()));
    assertThat(first).isLessThan(60);
    assertThat(last).isGreaterThan(2 * first).isGreaterThan(150);
  }

  @Test
  void train_sameConfig_sameHistory() {
    var config = new Training.Config(2, 3, 4, 0.5, 11);
    assertThat(InProcess.train(config)).isEqualTo(InProcess.train(config));
  }

  private static double mean(List<IterationStats> stats) {
    return stats.stream().mapToDouble(IterationStats::meanReturn).average().orElseThrow();
  }
}
