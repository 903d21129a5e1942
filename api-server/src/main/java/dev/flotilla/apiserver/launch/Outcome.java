package dev.flotilla.apiserver.launch;

/** Where a launch's entrypoint task stands, as the scheduler reports it. */
public sealed interface Outcome {
  /** Not returned yet (queued, or running). */
  record Running() implements Outcome {}

  /** Returned normally; its value stays unread (tenant bytes). */
  record Succeeded() implements Outcome {}

  /**
   * Threw, or could not run or finish.
   *
   * @param kind the scheduler's error kind, e.g. {@code APPLICATION}, {@code EXECUTOR_DIED}, {@code
   *     QUOTA_EXCEEDED}, {@code CANCELLED}
   */
  record Failed(String kind, String exceptionClass, String message) implements Outcome {}
}
