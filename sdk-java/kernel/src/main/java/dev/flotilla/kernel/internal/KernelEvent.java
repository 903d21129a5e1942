package dev.flotilla.kernel.internal;

import dev.flotilla.kernel.DisplayData;
import java.util.List;
import java.util.Objects;

/** What a running cell produces, in the order it is produced. */
public sealed interface KernelEvent {

  /** A chunk of {@code System.out} ({@code stdout}) or {@code System.err} ({@code stderr}). */
  record Stream(String name, String text) implements KernelEvent {
    public static final String STDOUT = "stdout";
    public static final String STDERR = "stderr";

    public Stream {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(text, "text");
    }
  }

  /** A rich output ({@code display(...)}, or the last expression when it is displayable). */
  record Display(DisplayData data) implements KernelEvent {
    public Display {
      Objects.requireNonNull(data, "data");
    }
  }

  /** The value of the cell's last expression, as JShell prints it. */
  record Result(String value) implements KernelEvent {
    public Result {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * The cell failed: a compile error, an exception, or an interrupt.
   *
   * @param name the exception class, or {@code CompileError} / {@code Interrupted}
   * @param message what went wrong
   * @param line the 1-based line of the cell that failed; 0 when it is not in this cell
   * @param trace the stack (frames inside cells read {@code cell:line})
   */
  record Error(String name, String message, int line, List<String> trace) implements KernelEvent {
    public static final String COMPILE_ERROR = "CompileError";
    public static final String INTERRUPTED = "Interrupted";

    public Error {
      Objects.requireNonNull(name, "name");
      message = message == null ? "" : message;
      trace = List.copyOf(trace);
    }
  }
}
