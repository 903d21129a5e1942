package dev.flotilla.examples.rl;

import java.util.ArrayList;
import java.util.List;

/** The same training as {@link Training}, with the actor classes called directly in one JVM. */
final class InProcess {
  private InProcess() {}

  static List<IterationStats> train(Training.Config config) {
    var learner = new Learner(config.learningRate());
    List<Rollout> rollouts = new ArrayList<>();
    for (int i = 0; i < config.rollouts(); i++) {
      rollouts.add(new Rollout(i, config.seed() + i));
    }
    List<IterationStats> history = new ArrayList<>();
    for (int it = 0; it < config.iterations(); it++) {
      Policy policy = learner.policy();
      for (Rollout r : rollouts) {
        learner.add(r.sample(policy, config.episodesPerRollout()));
      }
      history.add(learner.update());
    }
    return history;
  }
}
