package dev.flotilla.examples.stacked;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.api.Flotilla;
import dev.flotilla.testing.FlotillaClusterExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The StackedModels example's pipeline on a real cluster: two workers with 3 fake GPUs each. */
class StackedModelsIT {
  private static final int FRAMES = 150;

  @RegisterExtension
  static FlotillaClusterExtension cluster =
      FlotillaClusterExtension.withWorkers(2).configure(o -> o.gpusPerWorker(3).cpusPerWorker(2));

  private static Flotilla fl;
  private static Pipeline pipeline;

  @BeforeAll
  static void startPipeline() {
    fl = cluster.connect();
    pipeline = Pipeline.start(fl);
  }

  @AfterAll
  static void disconnect() {
    if (fl != null) {
      fl.close();
    }
  }

  @Test
  void run_everyFrameReachesCollectorInOrder_withTheScenesTrueSpeeds() {
    Pipeline.Run run = pipeline.run(FRAMES);

    List<FrameResult> frames = run.summary().frames();
    assertThat(frames)
        .extracting(FrameResult::frameIndex)
        .as("frames at the collector, in arrival order")
        .containsExactlyElementsOf(IntStream.range(0, FRAMES).boxed().toList());
    for (FrameResult f : frames) {
      assertThat(f).as("frame %d", f.frameIndex()).isEqualTo(Scene.truth(f.frameIndex()));
    }
    assertThat(frames.get(1).speeds())
        .extracting(TrackSpeed::pixelsPerSecond)
        .as("frame 1's speeds: each square's velocity in px/frame times 30 frames/s")
        .containsExactly(
            Math.hypot(3, 1) * 30, Math.hypot(2, 2) * 30, 4.0 * 30, Math.hypot(1, 3) * 30);
    assertThat(run.framesPerSecond()).isPositive();
  }

  @Test
  void stages_eachHoldOneGpu_distinctDeviceIdsOnEachNode() {
    List<Placement> placements = pipeline.placements();

    assertThat(placements)
        .extracting(Placement::stage)
        .containsExactly("camera", "detector", "tracker", "speed", "collector");
    assertThat(placements)
        .extracting(Placement::cudaVisibleDevices)
        .as("CUDA_VISIBLE_DEVICES: one of the node's 3 device ids each")
        .allMatch(d -> d.matches("[0-2]"));
    Map<String, List<String>> devicesByNode =
        placements.stream()
            .collect(
                Collectors.groupingBy(
                    Placement::nodeId,
                    Collectors.mapping(Placement::cudaVisibleDevices, Collectors.toList())));
    assertThat(devicesByNode).as("5 one-GPU stages need both 3-GPU nodes").hasSize(2);
    devicesByNode.forEach(
        (node, devices) ->
            assertThat(devices).as("device ids on node %s", node).doesNotHaveDuplicates());
    assertThat(placements)
        .extracting(Placement::pid)
        .as("an executor each")
        .doesNotHaveDuplicates();
  }
}
