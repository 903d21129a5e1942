package dev.flotilla.api.function;

import java.io.Serializable;

/**
 * A serializable function of 0 argument(s), the type of a method reference passed to {@code
 * task(...)}. The platform identifies it by its implementation method, never by its bytes.
 */
@FunctionalInterface
public interface Fn0<R> extends Serializable {
  R apply() throws Exception;
}
