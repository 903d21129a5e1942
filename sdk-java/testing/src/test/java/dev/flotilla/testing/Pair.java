package dev.flotilla.testing;

/** A job-defined value type for the ITs. */
public record Pair(int left, int right) {
  public static Pair of(int left, int right) {
    return new Pair(left, right);
  }

  /** Gets a Pair from a nested task: the value must be of this code package's own Pair class. */
  public static int sumThroughNestedTask(int left, int right) {
    Pair p = dev.flotilla.api.Flotilla.current().task(Pair::of, left, right).remote().get();
    return p.left() + p.right();
  }
}
