package dev.flotilla.examples.rl;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A linear softmax policy over CartPole's two actions: {@code P(right | s) = sigmoid(w·s + b)}.
 * With two actions the softmax of logits {@code (0, w·s + b)} is exactly this sigmoid. An
 * immutable value: the learner sends a new one after every update.
 *
 * @param weights the four observation weights followed by the bias
 */
public record Policy(double[] weights) {
  /** Number of parameters: one per observation coordinate, plus the bias. */
  public static final int SIZE = CartPole.OBSERVATION_SIZE + 1;

  public Policy {
    if (weights.length != SIZE) {
      throw new IllegalArgumentException(
          "a policy has " + SIZE + " weights, got " + weights.length);
    }
    weights = weights.clone();
  }

  /** The policy that pushes left or right with equal probability. */
  public static Policy uniform() {
    return new Policy(new double[SIZE]);
  }

  /** The probability of pushing right in the observation at {@code obs[offset ..]}. */
  public double probabilityRight(double[] obs, int offset) {
    double logit = weights[SIZE - 1];
    for (int i = 0; i < CartPole.OBSERVATION_SIZE; i++) {
      logit += weights[i] * obs[offset + i];
    }
    // StrictMath: bit-identical results on every JVM, so a seeded run repeats exactly.
    return 1.0 / (1.0 + StrictMath.exp(-logit));
  }

  /** Samples an action: 1 (right) with {@link #probabilityRight}, else 0. */
  public int act(double[] obs, int offset, SplittableRandom rng) {
    return rng.nextDouble() < probabilityRight(obs, offset) ? 1 : 0;
  }

  @Override
  public double[] weights() {
    return weights.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Policy p && Arrays.equals(weights, p.weights);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(weights);
  }

  @Override
  public String toString() {
    return "Policy" + Arrays.toString(weights);
  }
}
