package dev.flotilla.runtime.internal.client;

import dev.flotilla.api.Flotilla;
import dev.flotilla.api.FlotillaException;
import dev.flotilla.api.ObjectRef;
import dev.flotilla.api.TaskOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a platform runs work for you: connects like any SDK program ({@code
 * FLOTILLA_ADDRESS}, and {@code FLOTILLA_TOKEN} — with {@code FLOTILLA_WORKSPACE} to insist on the
 * token's workspace — for a hosted platform's edge), runs twenty remote
 * tasks (each asking for {@code FLOTILLA_SMOKE_GPUS} GPUs, default none) and prints their sum, then
 * exits 0; on failure prints why (with the exception's type) and exits 1. It lives in the SDK
 * so that executors have its task on their class path without a code package.
 *
 * <pre>{@code java -cp <flotilla class path> dev.flotilla.runtime.internal.client.SmokeCheck}</pre>
 */
public final class SmokeCheck {
  private SmokeCheck() {}

  public static int square(int x) {
    return x * x;
  }

  public static void main(String[] args) {
    String workspace = System.getenv("FLOTILLA_WORKSPACE");
    try (Flotilla fl = Flotilla.builder().workspace(workspace == null || workspace.isBlank() ? null : workspace).connect()) {
      TaskOptions options = TaskOptions.builder().gpus(gpusPerTask()).build();
      List<ObjectRef<Integer>> refs = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        refs.add(fl.task(SmokeCheck::square, i).options(options).remote());
      }
      int sum = fl.get(refs, Duration.ofMinutes(2)).stream().mapToInt(Integer::intValue).sum();
      System.out.println("sum of squares 0..19 = " + sum + " (job " + fl.jobId() + ")");
    } catch (FlotillaException | IllegalArgumentException e) {
      System.err.println("flotilla smoke check failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      System.exit(1);
    }
  }

  private static double gpusPerTask() {
    String gpus = System.getenv("FLOTILLA_SMOKE_GPUS");
    try {
      return gpus == null || gpus.isBlank() ? 0 : Double.parseDouble(gpus.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("FLOTILLA_SMOKE_GPUS must be a number of GPUs, got: " + gpus);
    }
  }
}
