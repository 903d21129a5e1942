package dev.flotilla.kernel;

import dev.flotilla.api.Flotilla;
import dev.flotilla.api.ObjectRef;
import dev.flotilla.api.WaitResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;

/**
 * A progress bar that updates in place while a cell waits:
 *
 * <pre>{@code
 * List<Integer> squares = Progress.get(fl, refs);   // the bar moves as tasks finish
 * }</pre>
 */
public final class Progress {
  private static final Duration POLL = Duration.ofMillis(250);
  private final String displayId = "progress-" + UUID.randomUUID();
  private final String label;
  private final int total;

  private Progress(String label, int total) {
    this.label = label;
    this.total = total;
  }

  /**
   * Shows a bar at 0 of {@code total}.
   *
   * @throws IllegalArgumentException if {@code total} is negative
   */
  public static Progress start(String label, int total) {
    if (total < 0) {
      throw new IllegalArgumentException("total must be >= 0, got " + total);
    }
    Progress p = new Progress(label, total);
    p.update(0);
    return p;
  }

  /** Moves the bar to {@code done} of the total (clamped). */
  public void update(int done) {
    Display.display(new Bar(label, Math.clamp(done, 0, total), total), displayId);
  }

  /**
   * Waits for all {@code refs} with a bar that counts the ready ones, then returns their values in
   * order. Blocks; an interrupt of the cell stops the wait.
   */
  public static <T> List<T> get(Flotilla fl, List<ObjectRef<T>> refs) {
    Progress bar = start("tasks", refs.size());
    List<ObjectRef<T>> pending = new ArrayList<>(refs);
    int shown = 0;
    while (!pending.isEmpty()) {
      if (Thread.currentThread().isInterrupted()) {
        throw new CancellationException("interrupted while waiting for " + pending.size() + " refs");
      }
      WaitResult<T> w = fl.wait(pending, pending.size(), POLL);
      pending = new ArrayList<>(w.notReady());
      int done = refs.size() - pending.size();
      if (done != shown) {
        bar.update(done);
        shown = done;
      }
    }
    return fl.get(refs);
  }

  /** The bar as HTML (a {@code <progress>} element and a count). */
  record Bar(String label, int done, int total) implements Displayable {
    @Override
    public DisplayData toDisplayData() {
      return DisplayData.of(
          "text/html",
          "<div class=\"fl-progress\">" + Html.escape(label) + " <progress max=\"" + total
              + "\" value=\"" + done + "\"></progress> " + done + "/" + total + "</div>");
    }
  }
}
