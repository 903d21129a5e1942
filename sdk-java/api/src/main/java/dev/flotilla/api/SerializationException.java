package dev.flotilla.api;

/** A value could not be serialized or deserialized (e.g. its class is not allowed). */
public class SerializationException extends FlotillaException {
  private static final long serialVersionUID = 1L;

  public SerializationException(String message, Throwable cause) {
    super(message, cause);
  }
}
