package dev.flotilla.apiserver.dashboard;

import dev.flotilla.api.ActorHandle;
import dev.flotilla.api.ActorOptions;
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
 * An SDK program for the dashboard ITs, run in a JVM of its own through the edge ({@code
 * FLOTILLA_ADDRESS}, {@code FLOTILLA_TOKEN}, {@code FLOTILLA_WORKSPACE}): it creates an actor
 * named {@value #ACTOR_NAME} (half a CPU, alive until the program ends); one task takes a GPU,
 * says so by creating {@code <release file>.held}, and holds the GPU until the release file (the
 * first argument) appears; once the actor is alive and the GPU held, a second GPU task is
 * submitted, which waits behind it (a workspace with {@code maxGpus=1} makes the scheduler say
 * why). Prints {@code actor … ready} and {@code submitted (job …)} once both are in, {@code both
 * GPU tasks done: 1 42} at the end; exits 1 on failure.
 */
public final class GpuHoldingProgram {
  private static final Duration AT_MOST = Duration.ofMinutes(4);
  static final String ACTOR_NAME = "dash-counter";

  /** The named actor the dashboard lists. */
  public static final class Counter {
    private int count;

    public int add(int n) {
      count += n;
      return count;
    }
  }

  private GpuHoldingProgram() {}

  /** Holds its GPU until {@code releaseFile} exists (at most 4 minutes); runs in an executor. */
  public static int holdGpuUntil(String releaseFile) throws IOException, InterruptedException {
    Files.writeString(Path.of(releaseFile + ".held"), "holding");
    awaitFile(Path.of(releaseFile));
    return 1;
  }

  public static int plusOne(int x) {
    return x + 1;
  }

  /** Waits for {@code file} to be created (a watch on its folder), at most {@link #AT_MOST}. */
  static void awaitFile(Path file) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(AT_MOST);
    try (var watcher = FileSystems.getDefault().newWatchService()) {
      file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
      while (!Files.exists(file)) {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0) {
          throw new IllegalStateException("nobody created " + file + " within " + AT_MOST);
        }
        var key = watcher.poll(left, TimeUnit.MILLISECONDS);
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
      }
    }
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    try (Flotilla fl = Flotilla.builder().workspace(System.getenv("FLOTILLA_WORKSPACE")).connect()) {
      TaskOptions oneGpu = TaskOptions.builder().gpus(1).build();
      ActorHandle<Counter> counter = fl.actor(Counter::new)
          .options(ActorOptions.builder().cpus(0.5).name(ACTOR_NAME).build()).remote();
      ObjectRef<Integer> holder = fl.task(GpuHoldingProgram::holdGpuUntil, args[0]).options(oneGpu).remote();
      int counted = counter.task(Counter::add, 1).remote().get(Duration.ofMinutes(3));
      System.out.println("actor " + counter.actorId() + " ready: " + counted);
      awaitFile(Path.of(args[0] + ".held")); // the second must queue behind the first, not run before it
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
