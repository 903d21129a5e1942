package dev.flotilla.examples.rl;

import dev.flotilla.api.ActorHandle;
import dev.flotilla.api.ActorOptions;
import dev.flotilla.api.Flotilla;
import dev.flotilla.api.GetTimeoutException;
import dev.flotilla.api.ObjectRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The driver's side of training: rollout actors play episodes with the current policy, the
 * learner actor learns from them and serves the next policy. Per iteration:
 *
 * <pre>
 *   policy ref ──▶ rollout i: sample(policy, n) ──▶ learner: add(trajectories)   (for every i)
 *                  learner: update() ──▶ stats        learner: policy() ──▶ next policy ref
 * </pre>
 *
 * Trajectories go from the rollouts to the learner and the policy from the learner to the
 * rollouts as refs, never through the driver; the driver only reads each iteration's stats.
 */
public final class Training {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private Training() {}

  /**
   * What to train with.
   *
   * @param rollouts rollout actors, one CPU each (the learner takes one more)
   * @param episodesPerRollout episodes each rollout plays per iteration
   * @param iterations learner updates
   * @param learningRate Adam's step size
   * @param seed rollout {@code i} draws from {@code seed + i}
   */
  public record Config(
      int rollouts, int episodesPerRollout, int iterations, double learningRate, long seed) {
    public Config {
      if (rollouts < 1 || episodesPerRollout < 1 || iterations < 1) {
        throw new IllegalArgumentException("rollouts, episodes and iterations must be >= 1");
      }
    }

    /** Three rollouts of eight episodes, 25 iterations: solves CartPole in about 20. */
    public static Config defaults() {
      return new Config(3, 8, 25, 0.5, 1);
    }
  }

  /**
   * Trains; blocks until the last iteration. {@code onIteration} runs on the calling thread
   * after each update.
   *
   * @return every iteration's stats, in order
   * @throws IllegalStateException if the cluster cannot place the actors within 3 minutes (an
   *     executor JVM can take tens of seconds to start on a busy machine)
   */
  public static List<IterationStats> run(
      Flotilla fl, Config config, Consumer<IterationStats> onIteration) {
    ActorHandle<Learner> learner = fl.actor(Learner::new, config.learningRate()).remote();
    List<ActorHandle<Rollout>> rollouts = new ArrayList<>();
    for (int i = 0; i < config.rollouts(); i++) {
      rollouts.add(fl.actor(Rollout::new, i, config.seed() + i).remote());
    }
    awaitReady(learner, rollouts);

    ObjectRef<Policy> policy = learner.task(Learner::policy).remote();
    List<IterationStats> history = new ArrayList<>();
    for (int it = 0; it < config.iterations(); it++) {
      List<ObjectRef<Integer>> added = new ArrayList<>();
      for (ActorHandle<Rollout> rollout : rollouts) {
        ObjectRef<Trajectories> played =
            rollout.task(Rollout::sample, policy, config.episodesPerRollout()).remote();
        added.add(learner.task(Learner::add, played).remote());
      }
      ObjectRef<IterationStats> stats = learner.task(Learner::update).remote();
      policy = learner.task(Learner::policy).remote();
      fl.get(added); // a failed rollout surfaces here rather than as a thin batch
      IterationStats s = stats.get();
      history.add(s);
      onIteration.accept(s);
    }
    return history;
  }

  private static void awaitReady(
      ActorHandle<Learner> learner, List<ActorHandle<Rollout>> rollouts) {
    List<ActorHandle<?>> all = new ArrayList<>(rollouts);
    all.add(learner);
    for (ActorHandle<?> actor : all) {
      try {
        actor.ready(START_TIMEOUT);
      } catch (GetTimeoutException e) {
        throw new IllegalStateException(
            "The learner and " + rollouts.size() + " rollouts were not placed within "
                + START_TIMEOUT + ": they need " + all.size() + " CPUs in all"
                + " (./flotilla cluster status says why they wait)",
            e);
      }
    }
  }
}
