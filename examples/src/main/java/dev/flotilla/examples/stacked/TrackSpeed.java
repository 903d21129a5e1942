package dev.flotilla.examples.stacked;

/**
 * How fast a tracked object moved since the previous frame.
 *
 * @param trackId the track's id
 * @param pixelsPerSecond the distance its centroid moved, times {@link Scene#CAMERA_FPS}
 */
public record TrackSpeed(int trackId, double pixelsPerSecond) {}
