package dev.flotilla.examples.stacked;

/**
 * A bright region the detector found.
 *
 * @param x the centroid's column, in pixels
 * @param y the centroid's row, in pixels
 * @param area its size in pixels
 */
public record Blob(double x, double y, int area) {}
