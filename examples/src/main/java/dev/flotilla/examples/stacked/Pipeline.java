package dev.flotilla.examples.stacked;

import dev.flotilla.api.ActorHandle;
import dev.flotilla.api.ActorOptions;
import dev.flotilla.api.Flotilla;
import dev.flotilla.api.GetTimeoutException;
import dev.flotilla.api.ObjectRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The five stages as actors, each holding the handle of the next: camera → detector → tracker →
 * speed calculator → collector. The driver only triggers the camera; every stage forwards its
 * output with a non-blocking call and returns, so all five work on different frames at once,
 * while calls from one caller to an actor run in the order sent, so every stage sees the frames
 * in order. Used from one driver thread.
 */
public final class Pipeline {
  /** Each stage holds one (fake) GPU, as a model would. */
  static final ActorOptions STAGE =
      // A stage mostly waits on its GPU: half a CPU lets all five fit on two 2-CPU workers.
      ActorOptions.builder().gpus(1).cpus(0.5).build();

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final Flotilla fl;
  private final ActorHandle<Camera> camera;
  private final ActorHandle<Detector> detector;
  private final ActorHandle<Tracker> tracker;
  private final ActorHandle<SpeedCalculator> speed;
  private final ActorHandle<Collector> collector;

  private Pipeline(
      Flotilla fl,
      ActorHandle<Camera> camera,
      ActorHandle<Detector> detector,
      ActorHandle<Tracker> tracker,
      ActorHandle<SpeedCalculator> speed,
      ActorHandle<Collector> collector) {
    this.fl = fl;
    this.camera = camera;
    this.detector = detector;
    this.tracker = tracker;
    this.speed = speed;
    this.collector = collector;
  }

  /**
   * Creates the stages from the last to the first, so each can be given the next one's handle,
   * and blocks until all five are running.
   *
   * @throws IllegalStateException if the cluster cannot place them within 3 minutes (an
   *     executor JVM can take tens of seconds to start on a busy machine)
   */
  public static Pipeline start(Flotilla fl) {
    ActorHandle<Collector> collector = fl.actor(Collector::new).options(STAGE).remote();
    ActorHandle<SpeedCalculator> speed =
        fl.actor(SpeedCalculator::new, collector).options(STAGE).remote();
    ActorHandle<Tracker> tracker = fl.actor(Tracker::new, speed).options(STAGE).remote();
    ActorHandle<Detector> detector = fl.actor(Detector::new, tracker).options(STAGE).remote();
    ActorHandle<Camera> camera = fl.actor(Camera::new, detector).options(STAGE).remote();
    for (ActorHandle<?> stage : List.of(collector, speed, tracker, detector, camera)) {
      try {
        stage.ready(START_TIMEOUT);
      } catch (GetTimeoutException e) {
        throw new IllegalStateException(
            "The stages were not placed within " + START_TIMEOUT + ": they need 5 GPUs and 2.5"
                + " CPUs in all, e.g. ./flotilla cluster start --workers 2 --gpus-per-worker 3"
                + " (./flotilla cluster status says why they wait)",
            e);
      }
    }
    return new Pipeline(fl, camera, detector, tracker, speed, collector);
  }

  /** Where each stage runs, in pipeline order. Blocks. */
  public List<Placement> placements() {
    return fl.get(
        List.of(
            camera.task(Camera::placement).remote(),
            detector.task(Detector::placement).remote(),
            tracker.task(Tracker::placement).remote(),
            speed.task(SpeedCalculator::placement).remote(),
            collector.task(Collector::placement).remote()));
  }

  /**
   * Streams frames {@code 0 .. frames - 1} through the stages and blocks until the last one has
   * reached the collector. Call once per pipeline: the tracker remembers the frames it saw.
   */
  public Run run(int frames) {
    long start = System.nanoTime();
    List<ObjectRef<Integer>> captured = new ArrayList<>(frames);
    for (int i = 0; i < frames; i++) {
      captured.add(camera.task(Camera::capture, i).remote());
    }
    fl.get(captured); // a failing camera surfaces here
    camera.task(Camera::finish).remote().get();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new Run(frames, elapsed, collector.task(Collector::summary).remote().get());
  }

  /**
   * One run of the pipeline.
   *
   * @param frames frames sent
   * @param elapsed from sending the first frame until the last was collected, startup excluded
   * @param summary what reached the collector
   */
  public record Run(int frames, Duration elapsed, Summary summary) {
    /** Frames per second end to end, JIT warm-up included. */
    public double framesPerSecond() {
      return frames * 1e9 / elapsed.toNanos();
    }
  }
}
