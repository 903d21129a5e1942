package dev.flotilla.kernel.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;

/** Turns JShell's diagnostics and exceptions into errors that name the cell line that failed. */
final class CellErrors {
  private CellErrors() {}

  /** Where each snippet of the running cell starts: snippet id to 1-based cell line. */
  record SnippetLines(String cell, Map<String, Integer> firstLineById) {}

  static KernelEvent.Error compile(String cell, CellSplitter.Piece piece, List<Diag> diags) {
    Diag first = diags.stream().filter(Diag::isError).findFirst().orElse(diags.getFirst());
    int line = CellSplitter.lineOf(cell, piece.cellOffset() + (int) Math.max(0, first.getStartPosition()));
    List<String> all = new ArrayList<>();
    for (Diag d : diags) {
      int l = CellSplitter.lineOf(cell, piece.cellOffset() + (int) Math.max(0, d.getStartPosition()));
      all.add("line " + l + ": " + d.getMessage(Locale.ROOT));
    }
    return new KernelEvent.Error(
        KernelEvent.Error.COMPILE_ERROR, first.getMessage(Locale.ROOT), line, all);
  }

  static KernelEvent.Error runtime(JShellException ex, SnippetLines lines) {
    String name = switch (ex) {
      case EvalException e -> e.getExceptionClassName();
      case UnresolvedReferenceException u -> "UnresolvedReference";
      default -> ex.getClass().getName();
    };
    String message = ex instanceof UnresolvedReferenceException u
        ? "'" + u.getSnippet().source().strip() + "' uses something not defined yet"
        : ex.getMessage();
    int line = 0;
    List<String> trace = new ArrayList<>();
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t != ex) {
        String causeName = t instanceof EvalException e ? e.getExceptionClassName() : t.getClass().getName();
        trace.add("Caused by: " + causeName + ": " + t.getMessage());
      }
      for (StackTraceElement f : t.getStackTrace()) {
        Integer first = f.getFileName() == null ? null : lines.firstLineById().get(snippetId(f));
        if (first != null && f.getLineNumber() > 0) {
          int cellLine = first + f.getLineNumber() - 1;
          line = line == 0 ? cellLine : line;
          trace.add("at " + f.getMethodName() + "(cell:" + cellLine + ")");
        } else if (f.getFileName() != null && f.getFileName().startsWith("#")) {
          trace.add("at " + f.getMethodName() + "(earlier cell, snippet " + f.getFileName() + ")");
        } else {
          trace.add("at " + f);
        }
      }
    }
    return new KernelEvent.Error(name, message, line, trace);
  }

  private static String snippetId(StackTraceElement f) {
    return f.getFileName().startsWith("#") ? f.getFileName().substring(1) : "";
  }
}
