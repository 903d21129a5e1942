package dev.flotilla.examples;

import dev.flotilla.api.Flotilla;
import dev.flotilla.examples.rl.IterationStats;
import dev.flotilla.examples.rl.Training;
import java.util.List;

/**
 * Reinforcement learning with actors (see {@link dev.flotilla.examples.rl}): three rollout actors
 * play CartPole, a learner improves a linear softmax policy with REINFORCE and broadcasts it.
 * Prints the average return of every iteration (500 is the most an episode can earn).
 *
 * <p>Run against {@code ./flotilla cluster start --workers 2} with {@code ./flotilla example
 * ReinforcementLearning [iterations]} (25 by default).
 */
public final class ReinforcementLearning {
  private ReinforcementLearning() {}

  public static void main(String[] args) {
    Training.Config d = Training.Config.defaults();
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : d.iterations();
    var config =
        new Training.Config(
            d.rollouts(), d.episodesPerRollout(), iterations, d.learningRate(), d.seed());
    try (Flotilla fl = Flotilla.connect()) {
      long start = System.nanoTime();
      List<IterationStats> history =
          Training.run(
              fl,
              config,
              s ->
                  System.out.printf(
                      "iteration %2d: average return %5.1f (min %3d, max %3d, %d episodes)%n",
                      s.iteration(), s.meanReturn(), s.minReturn(), s.maxReturn(), s.episodes()));
      int n = Math.min(3, history.size());
      System.out.printf(
          "average return %.1f over the first %d iterations, %.1f over the last %d; %.1f s%n",
          mean(history.subList(0, n)),
          n,
          mean(history.subList(history.size() - n, history.size())),
          n,
          (System.nanoTime() - start) / 1e9);
    }
  }

  static double mean(List<IterationStats> stats) {
    return stats.stream().mapToDouble(IterationStats::meanReturn).average().orElse(Double.NaN);
  }
}
