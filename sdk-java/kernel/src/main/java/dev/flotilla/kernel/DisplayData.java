package dev.flotilla.kernel;

import java.util.Objects;

/**
 * One rich output of a cell: a MIME type and its data ({@code text/plain}, {@code text/html},
 * {@code image/svg+xml} as text; {@code image/png} as base64).
 *
 * @param mime the MIME type
 * @param data the payload, text or base64
 * @param displayId null for a new output; else the id of an output this one replaces (a progress
 *     bar that updates in place)
 */
public record DisplayData(String mime, String data, String displayId) {
  public DisplayData {
    Objects.requireNonNull(mime, "mime");
    Objects.requireNonNull(data, "data");
  }

  /** A new output that replaces nothing. */
  public static DisplayData of(String mime, String data) {
    return new DisplayData(mime, data, null);
  }
}
