package dev.flotilla.api;

/**
 * A method call on an actor about to be sent. Not thread-safe; make one per call.
 *
 * @param <R> the method's result type
 */
public interface ActorCall<R> {

  /**
   * Sends the call; returns at once with a ref to its result. Calls from one caller run in the
   * order sent.
   *
   * @throws ActorDiedException if the actor is known to be dead already
   */
  ObjectRef<R> remote();
}
