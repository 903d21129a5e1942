package dev.flotilla.runtime.internal.jobs;

import dev.flotilla.protocol.jobs.v1.LogLines;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Replaces {@code System.out} and {@code System.err} once per JVM with streams that still write
 * everything to the original streams and, while a job's batcher is attached, also split it into
 * lines for that batcher. Everything this JVM writes counts (the job's main, its other threads,
 * and other tasks of the same job in this executor). Thread-safe.
 */
final class LogCapture {
  private static boolean installed;
  private static volatile Attached attached;

  private record Attached(LogBatcher batcher, LineSplitter out, LineSplitter err) {}

  private LogCapture() {}

  /** Starts sending this JVM's output lines to {@code batcher}; replaces any earlier one. */
  static synchronized void attach(LogBatcher batcher) {
    if (!installed) {
      System.setOut(new PrintStream(new Tee(LogLines.Stream.STDOUT, System.out), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(new Tee(LogLines.Stream.STDERR, System.err), true, StandardCharsets.UTF_8));
      installed = true;
    }
    attached = new Attached(batcher,
        new LineSplitter(l -> batcher.add(LogLines.Stream.STDOUT, l)),
        new LineSplitter(l -> batcher.add(LogLines.Stream.STDERR, l)));
  }

  /** Stops sending lines to {@code batcher}, first handing it a partial last line of each stream. */
  static synchronized void detach(LogBatcher batcher) {
    Attached a = attached;
    if (a != null && a.batcher() == batcher) {
      System.out.flush();
      System.err.flush();
      a.out().flush();
      a.err().flush();
      attached = null;
    }
  }

  private static final class Tee extends OutputStream {
    private final LogLines.Stream stream;
    private final PrintStream original;

    Tee(LogLines.Stream stream, PrintStream original) {
      this.stream = stream;
      this.original = original;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      original.write(b, off, len);
      Attached a = attached;
      if (a != null) {
        (stream == LogLines.Stream.STDOUT ? a.out() : a.err()).write(b, off, len);
      }
    }

    @Override
    public void flush() {
      original.flush();
    }
  }
}
