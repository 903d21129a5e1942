package dev.flotilla.api;

import java.util.List;

/**
 * What {@link Flotilla#wait} found: refs whose values are ready, and the rest, each in the order
 * given.
 */
public record WaitResult<T>(List<ObjectRef<T>> ready, List<ObjectRef<T>> notReady) {
  public WaitResult {
    ready = List.copyOf(ready);
    notReady = List.copyOf(notReady);
  }
}
