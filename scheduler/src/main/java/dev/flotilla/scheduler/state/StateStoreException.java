package dev.flotilla.scheduler.state;

/** The state store could not make a write durable; the operation it belongs to must fail. */
public final class StateStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StateStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
