package dev.flotilla.kernel;

import java.util.Base64;

/** A raster image a cell shows; only PNG, the format every browser draws. */
public final class Image implements Displayable {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private final byte[] png;

  private Image(byte[] png) {
    this.png = png.clone();
  }

  /**
   * A PNG image.
   *
   * @throws IllegalArgumentException if the bytes do not start with the PNG signature
   */
  public static Image png(byte[] bytes) {
    if (bytes == null || bytes.length < PNG_SIGNATURE.length) {
      throw new IllegalArgumentException("not a PNG image: fewer than 8 bytes");
    }
    for (int i = 0; i < PNG_SIGNATURE.length; i++) {
      if (bytes[i] != PNG_SIGNATURE[i]) {
        throw new IllegalArgumentException("not a PNG image: the PNG signature is missing");
      }
    }
    return new Image(bytes);
  }

  @Override
  public DisplayData toDisplayData() {
    return DisplayData.of("image/png", Base64.getEncoder().encodeToString(png));
  }
}
