package dev.flotilla.examples.stacked;

import java.util.List;

/**
 * What reaches the collector for one frame.
 *
 * @param frameIndex the frame's number
 * @param tracks where each tracked object is
 * @param speeds one per track that was also seen in the previous frame, in track order
 */
public record FrameResult(int frameIndex, List<Track> tracks, List<TrackSpeed> speeds) {
  public FrameResult {
    tracks = List.copyOf(tracks);
    speeds = List.copyOf(speeds);
  }
}
