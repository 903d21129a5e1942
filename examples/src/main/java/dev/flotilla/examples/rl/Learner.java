package dev.flotilla.examples.rl;

import java.util.ArrayList;
import java.util.List;

/**
 * The learner actor: collects the rollouts' episodes, then takes one REINFORCE step (policy
 * gradient with a baseline) with Adam, and serves the new policy.
 *
 * <p>For every step of every episode the advantage is the discounted return from that step on,
 * minus the batch mean and divided by the batch standard deviation (the baseline); the gradient
 * of {@code log P(a | s)} for the sigmoid policy is {@code (a - P(right | s)) · [s, 1]}. Not
 * thread-safe; as an actor it needs none.
 */
public final class Learner {
  private static final double DISCOUNT = 0.99;
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final double learningRate;
  private final List<Episode> batch = new ArrayList<>();
  private double[] weights = new double[Policy.SIZE];
  private final double[] firstMoment = new double[Policy.SIZE];
  private final double[] secondMoment = new double[Policy.SIZE];
  private int iteration;

  public Learner(double learningRate) {
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learningRate must be > 0, got " + learningRate);
    }
    this.learningRate = learningRate;
  }

  /** The current policy; the uniform one before the first update. */
  public Policy policy() {
    return new Policy(weights);
  }

  /** Adds a rollout's episodes to the next update; returns how many episodes are waiting. */
  public int add(Trajectories trajectories) {
    batch.addAll(trajectories.episodes());
    return batch.size();
  }

  /**
   * Learns from the episodes added since the last update, then forgets them.
   *
   * @throws IllegalStateException if none were added
   */
  public IterationStats update() {
    if (batch.isEmpty()) {
      throw new IllegalStateException("update() needs episodes: add() the rollouts' first");
    }
    IterationStats stats = stats();
    step(gradient());
    batch.clear();
    return stats;
  }

  private double[] gradient() {
    List<double[]> returns = new ArrayList<>(batch.size());
    double sum = 0;
    double sumSquares = 0;
    int steps = 0;
    for (Episode e : batch) {
      double[] g = discountedReturns(e.totalReward());
      returns.add(g);
      for (double v : g) {
        sum += v;
        sumSquares += v * v;
      }
      steps += g.length;
    }
    double mean = sum / steps;
    double std = Math.sqrt(Math.max(sumSquares / steps - mean * mean, 0)) + EPSILON;
    Policy policy = policy();
    double[] grad = new double[Policy.SIZE];
    for (int i = 0; i < batch.size(); i++) {
      Episode e = batch.get(i);
      double[] obs = e.observations();
      int[] actions = e.actions();
      double[] g = returns.get(i);
      for (int t = 0; t < actions.length; t++) {
        int offset = t * CartPole.OBSERVATION_SIZE;
        double scale = (g[t] - mean) / std * (actions[t] - policy.probabilityRight(obs, offset));
        for (int k = 0; k < CartPole.OBSERVATION_SIZE; k++) {
          grad[k] += scale * obs[offset + k];
        }
        grad[Policy.SIZE - 1] += scale;
      }
    }
    for (int k = 0; k < grad.length; k++) {
      grad[k] /= batch.size();
    }
    return grad;
  }

  private static double[] discountedReturns(int length) {
    double[] g = new double[length];
    double running = 0;
    for (int t = length - 1; t >= 0; t--) {
      running = 1 + DISCOUNT * running;
      g[t] = running;
    }
    return g;
  }

  /** Adam, ascending: the gradient points to a higher expected return. */
  private void step(double[] grad) {
    iteration++;
    double[] next = weights.clone();
    for (int k = 0; k < next.length; k++) {
      firstMoment[k] = BETA1 * firstMoment[k] + (1 - BETA1) * grad[k];
      secondMoment[k] = BETA2 * secondMoment[k] + (1 - BETA2) * grad[k] * grad[k];
      double m = firstMoment[k] / (1 - StrictMath.pow(BETA1, iteration));
      double v = secondMoment[k] / (1 - StrictMath.pow(BETA2, iteration));
      next[k] += learningRate * m / (Math.sqrt(v) + EPSILON);
    }
    weights = next;
  }

  private IterationStats stats() {
    int min = Integer.MAX_VALUE;
    int max = 0;
    long total = 0;
    for (Episode e : batch) {
      min = Math.min(min, e.totalReward());
      max = Math.max(max, e.totalReward());
      total += e.totalReward();
    }
    return new IterationStats(iteration + 1, batch.size(), (double) total / batch.size(), min, max);
  }
}
