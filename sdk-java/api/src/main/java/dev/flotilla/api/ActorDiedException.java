package dev.flotilla.api;

/**
 * An actor is dead — killed, its constructor threw, or its executor died more often than {@code
 * maxRestarts} allows — so a call to it cannot run. The message says which.
 */
public class ActorDiedException extends FlotillaException {
  private static final long serialVersionUID = 1L;

  public ActorDiedException(String message) {
    super(message);
  }
}
