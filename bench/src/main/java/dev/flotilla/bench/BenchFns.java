package dev.flotilla.bench;

/** The functions the benchmarks run remotely; static so a method reference names them. */
public final class BenchFns {
  private BenchFns() {}

  /** Ray's {@code small_value}: does nothing and returns a two-byte value. */
  public static String ok() {
    return "ok";
  }
}
