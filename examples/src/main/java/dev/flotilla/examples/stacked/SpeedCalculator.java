package dev.flotilla.examples.stacked;

import dev.flotilla.api.ActorHandle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 4, the speed calculator: for every track also present in the previous frame, the
 * distance its centroid moved times the camera's frame rate. Keeps the previous frame's
 * positions, so it too relies on seeing frames in order. An actor; not thread-safe.
 */
public final class SpeedCalculator {
  private final ActorHandle<Collector> next;
  private final Sent sent = new Sent();
  private Map<Integer, Track> previous = Map.of();

  public SpeedCalculator(ActorHandle<Collector> next) {
    this.next = next;
  }

  /** Measures and sends on; returns once sent, with the frame's index. */
  public int process(Tracks tracks) {
    sent.add(next.task(Collector::collect, measure(tracks)).remote());
    return tracks.frameIndex();
  }

  /** Passes the end of the stream on; see {@link Camera#finish()}. */
  public int finish() {
    int collected = next.task(Collector::finish).remote().get();
    sent.awaitAll();
    return collected;
  }

  public Placement placement() {
    return Placement.here("speed");
  }

  FrameResult measure(Tracks tracks) {
    Map<Integer, Track> current = new HashMap<>();
    List<TrackSpeed> speeds = new ArrayList<>();
    for (Track t : tracks.tracks()) {
      current.put(t.id(), t);
      Track before = previous.get(t.id());
      if (before != null) {
        double pixels = Math.hypot(t.x() - before.x(), t.y() - before.y());
        speeds.add(new TrackSpeed(t.id(), pixels * Scene.CAMERA_FPS));
      }
    }
    previous = current;
    return new FrameResult(tracks.frameIndex(), tracks.tracks(), speeds);
  }
}
