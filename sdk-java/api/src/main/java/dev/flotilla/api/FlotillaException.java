package dev.flotilla.api;

/** The root of every error the Flotilla API throws. Unchecked. */
public class FlotillaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FlotillaException(String message) {
    super(message);
  }

  public FlotillaException(String message, Throwable cause) {
    super(message, cause);
  }
}
