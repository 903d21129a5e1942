package dev.flotilla.examples.rl;

import java.util.List;

/**
 * What one rollout actor sends the learner per iteration.
 *
 * @param worker the rollout's index
 * @param episodes the episodes it played with the policy it was given
 */
public record Trajectories(int worker, List<Episode> episodes) {
  public Trajectories {
    episodes = List.copyOf(episodes);
  }
}
