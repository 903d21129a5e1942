package dev.flotilla.examples.stacked;

import dev.flotilla.api.ActorHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * Stage 3, the tracker: gives each detection the id of the nearest track of the previous frame
 * (within {@link #GATE} pixels and not taken yet), or a new id, then forwards the tracks. Its
 * state is the previous frame's tracks, so it must see frames in order, which an actor's calls
 * from one caller guarantee. An actor; not thread-safe.
 */
public final class Tracker {
  /** The farthest, in pixels, an object may move between frames and keep its id. */
  static final double GATE = 8;

  private final ActorHandle<SpeedCalculator> next;
  private final Sent sent = new Sent();
  private List<Track> previous = List.of();
  private int nextId;

  public Tracker(ActorHandle<SpeedCalculator> next) {
    this.next = next;
  }

  /** Tracks and sends on; returns once sent, with the frame's index. */
  public int process(Detections detections) {
    sent.add(next.task(SpeedCalculator::process, track(detections)).remote());
    return detections.frameIndex();
  }

  /** Passes the end of the stream on; see {@link Camera#finish()}. */
  public int finish() {
    int collected = next.task(SpeedCalculator::finish).remote().get();
    sent.awaitAll();
    return collected;
  }

  public Placement placement() {
    return Placement.here("tracker");
  }

  /** Matches this frame's detections to the previous frame's tracks. */
  Tracks track(Detections detections) {
    List<Track> unmatched = new ArrayList<>(previous);
    List<Track> current = new ArrayList<>();
    for (Blob b : detections.blobs()) {
      Track nearest = null;
      double best = GATE;
      for (Track t : unmatched) {
        double d = Math.hypot(t.x() - b.x(), t.y() - b.y());
        if (d <= best) {
          best = d;
          nearest = t;
        }
      }
      if (nearest == null) {
        current.add(new Track(nextId++, b.x(), b.y()));
      } else {
        unmatched.remove(nearest);
        current.add(new Track(nearest.id(), b.x(), b.y()));
      }
    }
    previous = current;
    return new Tracks(detections.frameIndex(), current);
  }
}
