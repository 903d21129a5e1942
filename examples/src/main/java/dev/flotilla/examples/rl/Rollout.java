package dev.flotilla.examples.rl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A rollout actor: plays CartPole episodes with the policy it is handed and returns them. Its
 * random stream (start states and sampled actions) is seeded, and an actor runs its calls one at
 * a time in the order they were sent, so a run repeats exactly. Not thread-safe; as an actor it
 * needs none.
 */
public final class Rollout {
  private final int worker;
  private final SplittableRandom rng;
  private final CartPole env = new CartPole();

  public Rollout(int worker, long seed) {
    this.worker = worker;
    this.rng = new SplittableRandom(seed);
  }

  /** Plays {@code episodes} episodes with {@code policy}, sampling its actions. */
  public Trajectories sample(Policy policy, int episodes) {
    List<Episode> played = new ArrayList<>(episodes);
    for (int e = 0; e < episodes; e++) {
      played.add(play(policy));
    }
    return new Trajectories(worker, played);
  }

  private Episode play(Policy policy) {
    double[] obs = new double[CartPole.MAX_STEPS * CartPole.OBSERVATION_SIZE];
    int[] actions = new int[CartPole.MAX_STEPS];
    env.reset(rng);
    int t = 0;
    boolean done = false;
    while (!done) {
      int offset = t * CartPole.OBSERVATION_SIZE;
      env.observe(obs, offset);
      actions[t] = policy.act(obs, offset, rng);
      done = env.step(actions[t]);
      t++;
    }
    return new Episode(
        Arrays.copyOf(obs, t * CartPole.OBSERVATION_SIZE), Arrays.copyOf(actions, t));
  }
}
