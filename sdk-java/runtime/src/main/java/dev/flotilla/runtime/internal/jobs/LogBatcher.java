package dev.flotilla.runtime.internal.jobs;

import dev.flotilla.protocol.jobs.v1.LogLines;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects a job's lines in order and hands them on as {@link LogLines} batches, one per run of
 * lines of the same stream, at most {@link #MAX_BATCH_LINES} each. At most {@code maxPending} lines
 * wait; lines beyond that are dropped and counted, and the next flush first reports how many were
 * lost (a stderr line), so a job cannot flood the channel or this JVM's memory. Thread-safe.
 */
final class LogBatcher {
  static final int MAX_BATCH_LINES = 500;

  private record Line(LogLines.Stream stream, String text) {}

  private final int maxPending;
  private final Consumer<LogLines> out;
  private final ArrayDeque<Line> pending = new ArrayDeque<>();
  private final Object sending = new Object();
  private long dropped;

  LogBatcher(int maxPending, Consumer<LogLines> out) {
    this.maxPending = maxPending;
    this.out = out;
  }

  synchronized void add(LogLines.Stream stream, String line) {
    if (pending.size() >= maxPending) {
      dropped++;
    } else {
      pending.add(new Line(stream, line));
    }
  }

  /** Sends what is pending, in order; concurrent flushes take turns. */
  void flush() {
    synchronized (sending) {
      out(take());
    }
  }

  private void out(List<LogLines> batches) {
    batches.forEach(out);
  }

  private List<LogLines> take() {
    List<LogLines> batches = new ArrayList<>();
    synchronized (this) {
      if (dropped > 0) {
        batches.add(LogLines.newBuilder().setStream(LogLines.Stream.STDERR)
            .addLine("[flotilla: " + dropped + " log lines dropped: the job wrote faster than they could be sent]").build());
        dropped = 0;
      }
      LogLines.Builder batch = null;
      while (!pending.isEmpty()) {
        Line l = pending.poll();
        if (batch == null || batch.getStream() != l.stream() || batch.getLineCount() >= MAX_BATCH_LINES) {
          if (batch != null) {
            batches.add(batch.build());
          }
          batch = LogLines.newBuilder().setStream(l.stream());
        }
        batch.addLine(l.text());
      }
      if (batch != null) {
        batches.add(batch.build());
      }
    }
    return batches;
  }
}
