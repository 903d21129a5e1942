package dev.flotilla.examples.stacked;

import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic world the camera films: {@link #OBJECTS} bright squares on a noisy dark
 * background, each bouncing between the walls of its own horizontal lane. Every pixel and every
 * position is a pure function of the frame number, so tests know the true speeds exactly.
 */
public final class Scene {
  public static final int WIDTH = 160;
  public static final int HEIGHT = 128;
  public static final int OBJECTS = 4;

  /** The side of each square, in pixels. */
  public static final int SIZE = 6;

  /** The simulated camera's frame rate: speeds are in pixels per second at this rate. */
  public static final double CAMERA_FPS = 30;

  /** Background pixels stay below this brightness, objects' pixels at or above it. */
  static final int OBJECT_BRIGHTNESS = 128;

  private static final int LANE = HEIGHT / OBJECTS;
  private static final int MARGIN = 4; // keeps squares of neighbouring lanes well apart
  private static final int[][] START = {{10, 3}, {70, 12}, {130, 7}, {40, 0}};
  private static final int[][] VELOCITY = {{3, 1}, {-2, 2}, {4, 0}, {1, -3}};

  private Scene() {}

  /** The column of object {@code i}'s top-left corner in frame {@code t}. */
  public static int left(int i, int t) {
    return bounce(START[i][0] + VELOCITY[i][0] * t, WIDTH - SIZE);
  }

  /** The row of object {@code i}'s top-left corner in frame {@code t}. */
  public static int top(int i, int t) {
    return i * LANE + MARGIN + bounce(START[i][1] + VELOCITY[i][1] * t, LANE - 2 * MARGIN - SIZE);
  }

  /** How fast object {@code i} moved from frame {@code t - 1} to frame {@code t}, in px/s. */
  public static double speed(int i, int t) {
    return Math.hypot(left(i, t) - left(i, t - 1), top(i, t) - top(i, t - 1)) * CAMERA_FPS;
  }

  /**
   * What a perfect pipeline reports for frame {@code t}: object {@code i} is track {@code i} (the
   * lanes are ordered top to bottom, as the detector scans), at its square's centre, with its
   * true speed from frame 1 on.
   */
  public static FrameResult truth(int t) {
    List<Track> tracks = new ArrayList<>();
    List<TrackSpeed> speeds = new ArrayList<>();
    for (int i = 0; i < OBJECTS; i++) {
      tracks.add(new Track(i, left(i, t) + (SIZE - 1) / 2.0, top(i, t) + (SIZE - 1) / 2.0));
      if (t > 0) {
        speeds.add(new TrackSpeed(i, speed(i, t)));
      }
    }
    return new FrameResult(t, tracks, speeds);
  }

  /** Draws frame {@code t}. */
  public static Frame render(int t) {
    byte[] pixels = new byte[WIDTH * HEIGHT];
    for (int p = 0; p < pixels.length; p++) {
      pixels[p] = (byte) (hash(t, p) % (OBJECT_BRIGHTNESS / 2));
    }
    for (int i = 0; i < OBJECTS; i++) {
      for (int y = top(i, t); y < top(i, t) + SIZE; y++) {
        for (int x = left(i, t); x < left(i, t) + SIZE; x++) {
          int p = y * WIDTH + x;
          pixels[p] = (byte) (OBJECT_BRIGHTNESS + 72 + hash(p, t) % 56);
        }
      }
    }
    return new Frame(t, WIDTH, HEIGHT, pixels);
  }

  /** Position {@code u} folded into {@code [0, range]}: motion that reflects off both walls. */
  static int bounce(int u, int range) {
    int m = Math.floorMod(u, 2 * range);
    return m <= range ? m : 2 * range - m;
  }

  private static int hash(int a, int b) {
    int h = a * 0x9E3779B1 + b * 0x85EBCA77;
    h ^= h >>> 15;
    h *= 0x2C1B3C6D;
    h ^= h >>> 13;
    return h & 0x7FFFFFFF;
  }
}
