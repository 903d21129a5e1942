package dev.flotilla.testing;

import dev.flotilla.api.ActorHandle;

/** A stateful actor for the ITs. */
public class Counter {
  private int value;

  public Counter(int start) {
    if (start < 0) {
      throw new IllegalArgumentException("start must be >= 0, got " + start);
    }
    this.value = start;
  }

  public int add(int delta) {
    value += delta;
    return value;
  }

  public int value() {
    return value;
  }

  public long pid() {
    return ProcessHandle.current().pid();
  }

  /** A task that calls an actor through a handle it received as an argument. */
  public static int addThrough(ActorHandle<Counter> counter, int delta) {
    return counter.task(Counter::add, delta).remote().get();
  }
}
