package dev.flotilla.bench;

/** Ray's benchmark {@code Actor}: stateless, its one method does nothing and returns "ok". */
public class BenchActor {
  public BenchActor() {}

  /** Ray's {@code Actor.small_value}. */
  public String ok() {
    return "ok";
  }
}
