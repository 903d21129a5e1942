package dev.flotilla.api.function;

import java.io.Serializable;

/**
 * A serializable function of 4 argument(s), the type of a method reference passed to {@code
 * task(...)}. The platform identifies it by its implementation method, never by its bytes.
 */
@FunctionalInterface
public interface Fn4<T0, T1, T2, T3, R> extends Serializable {
  R apply(T0 a0, T1 a1, T2 a2, T3 a3) throws Exception;
}
