package dev.flotilla.kernel.internal;

import java.util.List;

/**
 * What may be typed at the cursor.
 *
 * @param anchor where the replaced text starts
 * @param cursor where it ends
 * @param items the texts that replace {@code code[anchor, cursor)}, in JShell's order, no duplicates
 */
public record Completions(int anchor, int cursor, List<String> items) {
  public Completions {
    items = List.copyOf(items);
  }
}
