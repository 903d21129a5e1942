package dev.flotilla.api.function;

import java.io.Serializable;

/**
 * A serializable function of 2 argument(s), the type of a method reference passed to {@code
 * task(...)}. The platform identifies it by its implementation method, never by its bytes.
 */
@FunctionalInterface
public interface Fn2<T0, T1, R> extends Serializable {
  R apply(T0 a0, T1 a1) throws Exception;
}
