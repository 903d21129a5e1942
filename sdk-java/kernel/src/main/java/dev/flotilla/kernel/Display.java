package dev.flotilla.kernel;

import dev.flotilla.kernel.internal.CellContext;

/**
 * Shows values in the notebook while a cell runs. Cells have {@code display(...)} imported.
 *
 * <p>Any thread a cell started may call these; outside a running cell (for example in a task on
 * another worker) there is no notebook and they print the plain text to {@code System.out}.
 */
public final class Display {
  private Display() {}

  /**
   * Shows a value: a {@link Displayable} as itself ({@link Table}, {@link Svg}, {@link Image}),
   * anything else as escaped text.
   */
  public static void display(Object value) {
    CellContext.display(render(value));
  }

  /**
   * Shows a value in place of the output with the same {@code displayId} (the first call creates
   * it): a status line that updates.
   */
  public static void display(Object value, String displayId) {
    DisplayData d = render(value);
    CellContext.display(new DisplayData(d.mime(), d.data(), displayId));
  }

  /** The output that shows {@code value}. */
  public static DisplayData render(Object value) {
    if (value instanceof Displayable d) {
      return d.toDisplayData();
    }
    return DisplayData.of("text/plain", String.valueOf(value));
  }
}
