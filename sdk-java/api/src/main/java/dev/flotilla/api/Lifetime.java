package dev.flotilla.api;

/** How long an actor lives. */
public enum Lifetime {
  /** Dies with the job that created it (the default). */
  NON_DETACHED,
  /** Outlives its creator's job; ends only when killed. Usually also named. */
  DETACHED
}
