package dev.flotilla.api;

/**
 * A task about to be submitted: set options, then {@link #remote()}. Not thread-safe; make one
 * per submission.
 *
 * @param <R> the task's result type
 */
public interface TaskCall<R> {

  /** Sets resources, retries and a name for this task. */
  TaskCall<R> options(TaskOptions options);

  /** Submits the task; returns at once with a ref to its future result. */
  ObjectRef<R> remote();
}
