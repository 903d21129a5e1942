package dev.flotilla.scheduler.core;

/** Small helpers for reason sentences: "1 node", "3 nodes". */
public final class Plural {
  private Plural() {}

  public static String of(int n, String singular) {
    return n + " " + singular + (n == 1 ? "" : "s");
  }

  public static String nodes(int n) {
    return of(n, "node");
  }
}
