package dev.flotilla.api.function;

import java.io.Serializable;

/**
 * A serializable function of 1 argument(s), the type of a method reference passed to {@code
 * task(...)}. The platform identifies it by its implementation method, never by its bytes.
 */
@FunctionalInterface
public interface Fn1<T0, R> extends Serializable {
  R apply(T0 a0) throws Exception;
}
