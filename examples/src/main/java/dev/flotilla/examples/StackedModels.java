package dev.flotilla.examples;

import dev.flotilla.api.Flotilla;
import dev.flotilla.examples.stacked.FrameResult;
import dev.flotilla.examples.stacked.Pipeline;
import dev.flotilla.examples.stacked.Placement;
import dev.flotilla.examples.stacked.Scene;
import dev.flotilla.examples.stacked.TrackSpeed;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Five stacked models as a pipeline of GPU actors (see {@link dev.flotilla.examples.stacked}):
 * streams synthetic frames through camera → detector → tracker → speed calculator → collector,
 * then prints where each stage ran, the frame rate and the speed of every tracked object.
 *
 * <p>Run against {@code ./flotilla cluster start --workers 2 --gpus-per-worker 3} with {@code
 * ./flotilla example StackedModels [frames]} (300 frames by default).
 */
public final class StackedModels {
  private StackedModels() {}

  public static void main(String[] args) {
    int frames = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    try (Flotilla fl = Flotilla.connect()) {
      Pipeline pipeline = Pipeline.start(fl);
      for (Placement p : pipeline.placements()) {
        System.out.printf(
            "%-10s node %-12s CUDA_VISIBLE_DEVICES=%s  pid %d%n",
            p.stage(), p.nodeId(), p.cudaVisibleDevices(), p.pid());
      }
      Pipeline.Run run = pipeline.run(frames);
      List<FrameResult> results = run.summary().frames();
      System.out.printf(
          "%d frames through 5 stages in %.2f s: %.1f frames/s end to end, %.1f frames/s"
              + " steady (second half, at the collector)%n",
          results.size(),
          run.elapsed().toNanos() / 1e9,
          run.framesPerSecond(),
          run.summary().steadyFramesPerSecond());
      printSpeeds(results);
    }
  }

  private static void printSpeeds(List<FrameResult> results) {
    Map<Integer, DoubleSummaryStatistics> byTrack = new TreeMap<>();
    int exact = 0;
    for (FrameResult r : results) {
      for (TrackSpeed s : r.speeds()) {
        byTrack.computeIfAbsent(s.trackId(), id -> new DoubleSummaryStatistics())
            .accept(s.pixelsPerSecond());
      }
      exact += r.equals(Scene.truth(r.frameIndex())) ? 1 : 0;
    }
    byTrack.forEach(
        (id, st) ->
            System.out.printf(
                "track %d: %d speeds, mean %.1f px/s (min %.1f, max %.1f)%n",
                id, st.getCount(), st.getAverage(), st.getMin(), st.getMax()));
    System.out.printf(
        "%d of %d frames match the scene's ground truth exactly%n", exact, results.size());
  }
}
