package dev.flotilla.kernel;

/** A value that knows how it is shown in a notebook ({@link Table}, {@link Svg}, {@link Image}). */
public interface Displayable {
  /** The output that shows this value. */
  DisplayData toDisplayData();
}
