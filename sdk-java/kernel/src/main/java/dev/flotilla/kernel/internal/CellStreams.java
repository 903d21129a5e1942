package dev.flotilla.kernel.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Replaces {@code System.out} and {@code System.err} once per JVM with streams that send what a
 * cell's threads write to that cell's listener, chunk by chunk as written, and pass everything
 * else on to the original streams.
 */
final class CellStreams {
  private static boolean installed;

  private CellStreams() {}

  static synchronized void install() {
    if (installed) {
      return;
    }
    System.setOut(routed(KernelEvent.Stream.STDOUT, System.out));
    System.setErr(routed(KernelEvent.Stream.STDERR, System.err));
    installed = true;
  }

  private static PrintStream routed(String name, PrintStream original) {
    return new PrintStream(new Router(name, original), true, StandardCharsets.UTF_8);
  }

  /** Decides per write where the bytes go; PrintStream hands over whole encoded strings. */
  private static final class Router extends OutputStream {
    private final String name;
    private final PrintStream original;

    Router(String name, PrintStream original) {
      this.name = name;
      this.original = original;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      Consumer<KernelEvent> listener = CellContext.currentListener();
      if (listener == null) {
        original.write(b, off, len);
      } else if (len > 0) {
        listener.accept(new KernelEvent.Stream(name, new String(b, off, len, StandardCharsets.UTF_8)));
      }
    }

    @Override
    public void flush() {
      original.flush();
    }
  }
}
