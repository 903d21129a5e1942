package dev.flotilla.scheduler.service;

import dev.flotilla.protocol.scheduler.v1.TaskSpec;
import java.util.Map;

/** Validation of submitted task specs: what makes one impossible to run, said plainly. */
final class TaskSpecs {
  static final int MAX_ARGS = 64;

  private TaskSpecs() {}

  /** Null when valid, else the reason. */
  static String validate(TaskSpec s) {
    if (s.getTaskId().isBlank()) {
      return "task_id is empty";
    }
    if (!s.hasFunction() || s.getFunction().getClassName().isBlank() || s.getFunction().getMethodName().isBlank()) {
      return "task " + s.getTaskId() + " names no function";
    }
    if (s.getArgsCount() > MAX_ARGS) {
      return "at most " + MAX_ARGS + " arguments, got " + s.getArgsCount();
    }
    if (s.getMaxRetries() < -1) {
      return "max_retries must be >= -1, got " + s.getMaxRetries();
    }
    for (Map.Entry<String, Double> e : s.getResources().getAmountsMap().entrySet()) {
      double v = e.getValue();
      if (!(v >= 0) || Double.isInfinite(v)) {
        return "resource " + e.getKey() + " must be >= 0, got " + v;
      }
      if (e.getKey().equals("GPU") && v > 1 && v != Math.rint(v)) {
        return "GPU above 1 must be whole, got " + v;
      }
    }
    for (String h : s.getCodePackageList()) {
      if (!BlobStore.isValidHash(h)) {
        return "code package entry is not a SHA-256 hash: " + h;
      }
    }
    return null;
  }
}
