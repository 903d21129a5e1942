package dev.flotilla.apiserver.edge;

/** The source of an SDK program with large objects, compiled by {@link EdgeIT} and run in its own JVM. */
final class EdgeObjectsProgram {
  private EdgeObjectsProgram() {}

  static final String CLASS = "probe.LargeObjects";

  /**
   * Puts 5 MiB (over the inline limit, so it is stored on a worker), has a task checksum it there,
   * gets a 6 MiB task result back, prints the object id and what it saw, then waits for a line on
   * stdin before it ends (so its objects still exist while the test probes the edge).
   */
  static final String SOURCE = """
      package probe;

      import dev.flotilla.api.Flotilla;
      import dev.flotilla.api.ObjectRef;
      import java.util.Random;

      public final class LargeObjects {
        public static void main(String[] args) throws Exception {
          try (Flotilla fl = Flotilla.connect()) {
            byte[] big = new byte[5 << 20];
            new Random(7).nextBytes(big);
            ObjectRef<byte[]> ref = fl.put(big);
            long remote = fl.task(LargeObjects::checksum, ref).remote().get();
            byte[] back = fl.task(LargeObjects::filled, 6 << 20).remote().get();
            System.out.println("checksums equal " + (remote == checksum(big)) + "; got back " + back.length
                + " bytes, last " + back[back.length - 1] + "; local copy " + ref.get().length);
            System.out.println("object " + ref.id());
            System.out.flush();
            System.in.read();
          }
        }

        public static long checksum(byte[] b) {
          long s = 17;
          for (byte x : b) {
            s = s * 31 + x;
          }
          return s;
        }

        public static byte[] filled(int n) {
          byte[] b = new byte[n];
          java.util.Arrays.fill(b, (byte) 42);
          return b;
        }
      }
      """;
}
