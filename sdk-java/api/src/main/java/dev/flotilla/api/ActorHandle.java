package dev.flotilla.api;

import java.time.Duration;
import java.util.Optional;

/**
 * A stateful worker in the cluster, addressed by handle: {@code handle.task(Counter::increment,
 * 5).remote()}. Handles are serializable: pass them to tasks and other actors. Thread-safe.
 *
 * @param <A> the actor's class
 */
public interface ActorHandle<A> extends ActorMethods<A> {

  /** The actor's cluster-wide id. */
  String actorId();

  /** Its name, when it was created with one. */
  Optional<String> name();

  /**
   * Blocks until the constructor has run (at most {@code timeout}).
   *
   * @throws ActorDiedException if the constructor threw or the actor died
   * @throws GetTimeoutException if it is still being created
   */
  void ready(Duration timeout);
}
