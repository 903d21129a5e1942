package dev.flotilla.examples.stacked;

import dev.flotilla.api.ActorHandle;

/**
 * Stage 1, the input: renders the scene's frames (as a camera or a video decoder would deliver
 * them) and forwards each to the detector. An actor; not thread-safe.
 */
public final class Camera {
  private final ActorHandle<Detector> next;
  private final Sent sent = new Sent();

  public Camera(ActorHandle<Detector> next) {
    this.next = next;
  }

  /** Captures frame {@code index} and sends it on; returns once sent, with the index. */
  public int capture(int index) {
    sent.add(next.task(Detector::process, Scene.render(index)).remote());
    return index;
  }

  /**
   * Marks the end of the stream: blocks until every frame captured before has reached the
   * collector, then returns how many frames the collector holds. It returns a count, not the
   * collector's {@link Summary}: the driver asks the collector for that, so no value of the job's
   * own classes is fetched inside an executor (see examples/README.md, "Known limits").
   */
  public int finish() {
    int collected = next.task(Detector::finish).remote().get();
    sent.awaitAll();
    return collected;
  }

  public Placement placement() {
    return Placement.here("camera");
  }
}
