package dev.flotilla.api;

import java.time.Duration;

/** An {@link ObjectRef} fake with a fixed id and value. */
record TestingObjectRef<T>(String id, T value) implements ObjectRef<T> {

  static <T> TestingObjectRef<T> named(String id) {
    return new TestingObjectRef<>(id, null);
  }

  @Override
  public T get() {
    return value;
  }

  @Override
  public T get(Duration timeout) {
    return value;
  }
}
