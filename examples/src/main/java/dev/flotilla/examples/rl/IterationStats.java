package dev.flotilla.examples.rl;

/**
 * What the learner reports after one update.
 *
 * @param iteration 1 for the first update
 * @param episodes episodes the update learned from
 * @param meanReturn their average return (steps survived)
 * @param minReturn the shortest
 * @param maxReturn the longest
 */
public record IterationStats(
    int iteration, int episodes, double meanReturn, int minReturn, int maxReturn) {}
