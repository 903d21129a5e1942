package dev.flotilla.examples.stacked;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The three models called directly, without actors. */
class ModelsTest {
  @Test
  void detect_renderedFrame_oneBlobPerSquareAtItsCentre() {
    Detections d = Detector.detect(Scene.render(0));

    assertThat(d.blobs()).hasSize(Scene.OBJECTS);
    for (int i = 0; i < Scene.OBJECTS; i++) {
      double centre = (Scene.SIZE - 1) / 2.0;
      assertThat(d.blobs().get(i))
          .isEqualTo(
              new Blob(Scene.left(i, 0) + centre, Scene.top(i, 0) + centre, Scene.SIZE * Scene.SIZE));
    }
  }

  @Test
  void trackAndMeasure_500Frames_matchTheScenesTruthEveryFrame() {
    var tracker = new Tracker(null);
    var speeds = new SpeedCalculator(null);
    for (int t = 0; t < 500; t++) {
      FrameResult r = speeds.measure(tracker.track(Detector.detect(Scene.render(t))));
      assertThat(r).as("frame %d", t).isEqualTo(Scene.truth(t));
    }
  }

  @Test
  void track_objectJumpsFartherThanTheGate_getsANewId() {
    var tracker = new Tracker(null);
    tracker.track(new Detections(0, List.of(new Blob(10, 10, 36))));

    Tracks next =
        tracker.track(new Detections(1, List.of(new Blob(10 + Tracker.GATE + 1, 10, 36))));

    assertThat(next.tracks()).containsExactly(new Track(1, 10 + Tracker.GATE + 1, 10));
  }
}
