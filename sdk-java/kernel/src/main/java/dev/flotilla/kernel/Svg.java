package dev.flotilla.kernel;

import java.util.Objects;

/**
 * An SVG document rendered on the kernel (a {@link Plot}); shown as {@code image/svg+xml}.
 *
 * @param markup the complete {@code <svg>} element
 */
public record Svg(String markup) implements Displayable {
  public Svg {
    Objects.requireNonNull(markup, "markup");
  }

  @Override
  public DisplayData toDisplayData() {
    return DisplayData.of("image/svg+xml", markup);
  }
}
