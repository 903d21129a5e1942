package dev.flotilla.kernel.internal;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/** Cuts a cell into the snippets JShell evaluates one at a time, remembering where each began. */
final class CellSplitter {
  private CellSplitter() {}

  /**
   * One snippet of a cell.
   *
   * @param source what JShell evaluates (it may have a completing semicolon added)
   * @param cellOffset the index in the cell of the snippet's first non-blank character
   */
  record Piece(String source, int cellOffset) {}

  static List<Piece> split(SourceCodeAnalysis analysis, String cell) {
    List<Piece> pieces = new ArrayList<>();
    int pos = 0;
    while (pos < cell.length()) {
      String rest = cell.substring(pos);
      if (rest.isBlank()) {
        break;
      }
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      int consumed = rest.length() - info.remaining().length();
      String source = info.source();
      if (!info.completeness().isComplete() || consumed <= 0 || source == null) {
        // Incomplete or unparseable: hand the rest to JShell whole, so its diagnostics speak.
        consumed = rest.length();
        source = rest;
      }
      if (info.completeness() == Completeness.EMPTY) {
        pos += consumed;
        continue;
      }
      pieces.add(new Piece(source.strip(), pos + firstNonBlank(rest)));
      pos += consumed;
    }
    return pieces;
  }

  private static int firstNonBlank(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The 1-based line of {@code index} in {@code text}. */
  static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < Math.min(index, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
