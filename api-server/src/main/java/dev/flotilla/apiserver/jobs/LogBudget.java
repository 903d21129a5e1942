package dev.flotilla.apiserver.jobs;

import java.util.ArrayList;
import java.util.List;

/**
 * How much of a job's output is kept: each line at most {@code maxLineChars} (longer ones are cut
 * and marked), and at most {@code maxLines} lines and {@code maxChars} characters per job; past
 * either the rest is dropped, after one notice line saying so. The driver caps lines too, but
 * the channel's other end runs tenant code, so the server enforces its own limits. Thread-safe.
 */
final class LogBudget {
  static final String CUT = " …[line truncated]";

  private final int maxLineChars;
  private final long maxLines;
  private final long maxChars;
  private long lines;
  private long chars;
  private boolean exhausted;

  LogBudget(int maxLineChars, long maxLines, long maxChars) {
    this.maxLineChars = maxLineChars;
    this.maxLines = maxLines;
    this.maxChars = maxChars;
  }

  /** The lines of a batch that may be stored, cut to size; the notice once the budget runs out. */
  synchronized List<String> admit(List<String> batch) {
    List<String> kept = new ArrayList<>(batch.size());
    for (String line : batch) {
      if (exhausted) {
        break;
      }
      String l = line.length() <= maxLineChars ? line : line.substring(0, maxLineChars) + CUT;
      if (lines + 1 > maxLines || chars + l.length() > maxChars) {
        exhausted = true;
        kept.add("[flotilla: this job's log reached its limit of " + maxLines + " lines or " + maxChars
            + " characters; further output is not stored]");
        break;
      }
      lines++;
      chars += l.length();
      kept.add(l);
    }
    return kept;
  }
}
