package dev.flotilla.examples.stacked;

import dev.flotilla.api.ActorHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage 2, the object detector: thresholds the frame and finds its bright 4-connected regions
 * (the "model"), then forwards their centroids to the tracker. An actor; not thread-safe.
 */
public final class Detector {
  private final ActorHandle<Tracker> next;
  private final Sent sent = new Sent();

  public Detector(ActorHandle<Tracker> next) {
    this.next = next;
  }

  /** Detects and sends on; returns once sent, with the frame's index. */
  public int process(Frame frame) {
    sent.add(next.task(Tracker::process, detect(frame)).remote());
    return frame.index();
  }

  /** Passes the end of the stream on; see {@link Camera#finish()}. */
  public int finish() {
    int collected = next.task(Tracker::finish).remote().get();
    sent.awaitAll();
    return collected;
  }

  public Placement placement() {
    return Placement.here("detector");
  }

  /** Every region of pixels at or above the object brightness, in row-major scan order. */
  public static Detections detect(Frame frame) {
    int w = frame.width();
    boolean[] seen = new boolean[w * frame.height()];
    List<Blob> blobs = new ArrayList<>();
    for (int p = 0; p < seen.length; p++) {
      if (!seen[p] && bright(frame, p)) {
        blobs.add(flood(frame, p, seen));
      }
    }
    return new Detections(frame.index(), blobs);
  }

  private static Blob flood(Frame frame, int start, boolean[] seen) {
    int w = frame.width();
    var queue = new ArrayDeque<Integer>();
    queue.add(start);
    seen[start] = true;
    long sumX = 0;
    long sumY = 0;
    int area = 0;
    while (!queue.isEmpty()) {
      int p = queue.poll();
      int x = p % w;
      int y = p / w;
      sumX += x;
      sumY += y;
      area++;
      int[] neighbours = {x > 0 ? p - 1 : -1, x < w - 1 ? p + 1 : -1, p - w, p + w};
      for (int q : neighbours) {
        if (q >= 0 && q < seen.length && !seen[q] && bright(frame, q)) {
          seen[q] = true;
          queue.add(q);
        }
      }
    }
    return new Blob((double) sumX / area, (double) sumY / area, area);
  }

  private static boolean bright(Frame frame, int p) {
    return (frame.pixels()[p] & 0xFF) >= Scene.OBJECT_BRIGHTNESS;
  }
}
