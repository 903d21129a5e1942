package dev.flotilla.examples.stacked;

/**
 * One grey-scale camera image.
 *
 * @param index the frame's number in the stream, from 0
 * @param width pixels per row
 * @param height rows
 * @param pixels row-major brightness, one unsigned byte per pixel (read with {@code & 0xFF})
 */
public record Frame(int index, int width, int height, byte[] pixels) {
  public Frame {
    if (pixels.length != width * height) {
      throw new IllegalArgumentException(
          width + "x" + height + " needs " + width * height + " pixels, got " + pixels.length);
    }
  }

  /** The brightness at column {@code x}, row {@code y}: 0 to 255. */
  public int brightness(int x, int y) {
    return pixels[y * width + x] & 0xFF;
  }
}
