package dev.flotilla.examples.stacked;

import java.util.List;

/**
 * The detector's output for one frame.
 *
 * @param frameIndex the frame's number
 * @param blobs the objects found, in the order a row-major scan first meets them
 */
public record Detections(int frameIndex, List<Blob> blobs) {
  public Detections {
    blobs = List.copyOf(blobs);
  }
}
