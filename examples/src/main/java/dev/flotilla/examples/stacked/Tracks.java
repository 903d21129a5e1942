package dev.flotilla.examples.stacked;

import java.util.List;

/**
 * The tracker's output for one frame.
 *
 * @param frameIndex the frame's number
 * @param tracks one per detection, in detection order
 */
public record Tracks(int frameIndex, List<Track> tracks) {
  public Tracks {
    tracks = List.copyOf(tracks);
  }
}
