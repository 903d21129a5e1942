package dev.flotilla.api;

/** A {@code get} with a timeout found the value still not ready. */
public class GetTimeoutException extends FlotillaException {
  private static final long serialVersionUID = 1L;

  public GetTimeoutException(String message) {
    super(message);
  }
}
