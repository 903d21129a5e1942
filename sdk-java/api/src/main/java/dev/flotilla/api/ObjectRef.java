package dev.flotilla.api;

import java.time.Duration;

/**
 * A reference to a value in the cluster: the future result of a task or an object {@code put}
 * there. Refs may be passed as task arguments (the task receives the value) and are
 * serializable inside values. Thread-safe.
 *
 * @param <T> the value's type
 */
public interface ObjectRef<T> {

  /** The object's cluster-wide id. */
  String id();

  /**
   * Blocks until the value is ready and returns it.
   *
   * @throws TaskFailedException if the producing task failed
   * @throws ObjectLostException if every copy is gone and it cannot be rebuilt
   */
  T get();

  /**
   * Blocks at most {@code timeout} for the value.
   *
   * @throws GetTimeoutException if it is not ready in time
   */
  T get(Duration timeout);
}
