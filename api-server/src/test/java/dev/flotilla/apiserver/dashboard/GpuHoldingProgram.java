package dev.flotilla.apiserver.dashboard;

import dev.flotilla.api.Flotilla;
import dev.flotilla.api.FlotillaException;
import dev.flotilla.api.ObjectRef;
import dev.flotilla.api.TaskOptions;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * An SDK program for {@link DashboardIT}, run in a JVM of its own through the edge ({@code
 * FLOTILLA_ADDRESS}, {@code FLOTILLA_TOKEN}, {@code FLOTILLA_WORKSPACE}): one task holds a GPU
 * until the file named by the first argument appears, a second GPU task is submitted behind it and
 * waits (a workspace with {@code maxGpus=1} makes the scheduler say why). Prints {@code submitted
 * (job …)} once both are in, {@code both GPU tasks done: 1 42} at the end; exits 1 on failure.
 */
public final class GpuHoldingProgram {
  private GpuHoldingProgram() {}

  /** Holds its GPU until {@code releaseFile} exists (at most 4 minutes); runs in an executor. */
  public static int holdGpuUntil(String releaseFile) throws IOException, InterruptedException {
    Path file = Path.of(releaseFile);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    try (var watcher = FileSystems.getDefault().newWatchService()) {
      file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
      while (!Files.exists(file)) {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0) {
          throw new IllegalStateException("nobody created " + file + " within 4 minutes");
        }
        var key = watcher.poll(left, TimeUnit.MILLISECONDS);
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
      }
    }
    return 1;
  }

  public static int plusOne(int x) {
    return x + 1;
  }

  public static void main(String[] args) {
    try (Flotilla fl = Flotilla.builder().workspace(System.getenv("FLOTILLA_WORKSPACE")).connect()) {
      TaskOptions oneGpu = TaskOptions.builder().gpus(1).build();
      ObjectRef<Integer> holder = fl.task(GpuHoldingProgram::holdGpuUntil, args[0]).options(oneGpu).remote();
      ObjectRef<Integer> waiting = fl.task(GpuHoldingProgram::plusOne, 41).options(oneGpu).remote();
      System.out.println("submitted (job " + fl.jobId() + ")");
      System.out.flush();
      int held = holder.get(Duration.ofMinutes(5));
      int next = waiting.get(Duration.ofMinutes(2));
      System.out.println("both GPU tasks done: " + held + " " + next);
    } catch (FlotillaException e) {
      System.out.println("gpu holding program failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      System.exit(1);
    }
  }
}
