package dev.flotilla.api;

/** Every copy of an object is gone and it cannot be rebuilt (e.g. a lost {@code put}). */
public class ObjectLostException extends FlotillaException {
  private static final long serialVersionUID = 1L;

  public ObjectLostException(String message) {
    super(message);
  }
}
