package dev.flotilla.testing;

import dev.flotilla.api.Flotilla;
import dev.flotilla.api.ObjectRef;
import java.util.zip.CRC32;

/** Task bodies used by the cluster ITs. */
public final class MathFns {
  private MathFns() {}

  public static int square(int x) {
    return x * x;
  }

  public static int length(String s) {
    return s.length();
  }

  public static int add(int a, int b) {
    return a + b;
  }

  /** Nests {@code depth} tasks deep, each adding one. */
  public static int nest(int depth) {
    if (depth == 0) {
      return 0;
    }
    ObjectRef<Integer> inner = Flotilla.current().task(MathFns::nest, depth - 1).remote();
    return inner.get() + 1;
  }

  public static long checksum(byte[] data) {
    var crc = new CRC32();
    crc.update(data);
    return crc.getValue();
  }

  /** Checksums, then keeps its CPUs a while so that concurrent copies land on other nodes. */
  public static long checksumThenHold(byte[] data, long holdMillis) throws InterruptedException {
    long sum = checksum(data);
    Thread.sleep(holdMillis);
    return sum;
  }

  public static String fail(String message) {
    throw new IllegalStateException(message);
  }

  public static String cudaVisibleDevices() {
    String v = System.getenv("CUDA_VISIBLE_DEVICES");
    return v == null ? "" : v;
  }

  public static long pid() {
    return ProcessHandle.current().pid();
  }

  /** Sleeps, then returns its argument: a task that is still running when an executor is killed. */
  public static int slowIdentity(int x, long millis) throws InterruptedException {
    Thread.sleep(millis);
    return x;
  }

  /** Sleeps, then says which executor process ran it. */
  public static long slowPid(long millis) throws InterruptedException {
    Thread.sleep(millis);
    return ProcessHandle.current().pid();
  }

  /** Kills its own executor JVM: the worst a task can do. */
  public static int crashExecutor() {
    Runtime.getRuntime().halt(3);
    return 0;
  }

  /** A deterministic 1 MiB array: large enough to live in a node's store, cheap to rebuild. */
  public static byte[] bigArray(long seed) {
    byte[] b = new byte[1 << 20];
    new java.util.Random(seed).nextBytes(b);
    return b;
  }

  /** The node this task runs on. */
  public static String nodeId() {
    return System.getenv("FLOTILLA_NODE_ID");
  }
}
