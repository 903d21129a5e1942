package dev.flotilla.examples.stacked;

/**
 * An object the tracker follows, where it is in one frame.
 *
 * @param id stable across frames while the object stays in view; numbered from 0 in order of
 *     first sighting
 * @param x the centroid's column, in pixels
 * @param y the centroid's row, in pixels
 */
public record Track(int id, double x, double y) {}
