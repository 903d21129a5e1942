package dev.flotilla.examples.stacked;

import java.util.List;

/**
 * What the collector saw.
 *
 * @param frames every frame's result, in the order they arrived
 * @param steadyFramesPerSecond the arrival rate over the second half of the stream, measured by
 *     the collector's clock: the pipeline's throughput once its JVMs have warmed up; NaN below
 *     four frames
 */
public record Summary(List<FrameResult> frames, double steadyFramesPerSecond) {
  public Summary {
    frames = List.copyOf(frames);
  }
}
