package dev.flotilla.runtime.internal.jobs;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns the bytes written to one stream into lines (UTF-8, without {@code \n} or {@code \r\n}).
 * A line longer than {@link #MAX_LINE_BYTES} keeps its first bytes and ends with {@link
 * #TRUNCATED}. Thread-safe (writes are serialised).
 */
final class LineSplitter {
  static final int MAX_LINE_BYTES = 8192;
  static final String TRUNCATED = " …[line truncated at 8 KiB]";

  private final Consumer<String> lines;
  private final ByteArrayOutputStream current = new ByteArrayOutputStream();
  private boolean truncated;

  LineSplitter(Consumer<String> lines) {
    this.lines = lines;
  }

  synchronized void write(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') {
        emit();
      } else if (current.size() < MAX_LINE_BYTES) {
        current.write(b[i]);
      } else {
        truncated = true;
      }
    }
  }

  /** Emits a partial last line, if any (the stream is done). */
  synchronized void flush() {
    if (current.size() > 0 || truncated) {
      emit();
    }
  }

  private void emit() {
    byte[] bytes = current.toByteArray();
    int len = bytes.length;
    if (!truncated && len > 0 && bytes[len - 1] == '\r') {
      len--;
    }
    String line = new String(bytes, 0, len, StandardCharsets.UTF_8);
    lines.accept(truncated ? line + TRUNCATED : line);
    current.reset();
    truncated = false;
  }
}
