package dev.flotilla.scheduler.core;

/** Ranks the nodes that passed every filter; the planner picks the highest weighted sum. */
public interface ScorePlugin extends PlacementPlugin {
  int MIN_SCORE = 0;
  int MAX_SCORE = 100;

  /** A score from {@link #MIN_SCORE} to {@link #MAX_SCORE} (values outside are clamped). */
  int score(CycleState state, PlacementRequest request, NodeView node);
}
