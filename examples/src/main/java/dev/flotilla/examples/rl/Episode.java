package dev.flotilla.examples.rl;

/**
 * One CartPole episode as a rollout saw it. Every step earns reward 1, so the return is the
 * number of steps.
 *
 * @param observations the observation before each step, {@link CartPole#OBSERVATION_SIZE} values
 *     per step
 * @param actions the action taken at each step (0 left, 1 right)
 */
public record Episode(double[] observations, int[] actions) {
  public Episode {
    if (observations.length != actions.length * CartPole.OBSERVATION_SIZE) {
      throw new IllegalArgumentException(
          actions.length + " actions need " + actions.length * CartPole.OBSERVATION_SIZE
              + " observation values, got " + observations.length);
    }
  }

  /** The undiscounted return: one per step survived. */
  public int totalReward() {
    return actions.length;
  }
}
