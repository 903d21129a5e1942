package dev.flotilla.apiserver.api;

import java.time.Instant;
import java.util.List;

/** Answers of {@code GET .../usage}: metered CPU- and GPU-seconds of one month (UTC). */
public final class UsageDtos {
  private UsageDtos() {}

  /** One job's run time in the month, first and last metered. */
  public record Job(String workspace, String jobId, double cpuSeconds, double gpuSeconds, Instant firstMeteredAt,
      Instant lastMeteredAt) {}

  public record WorkspaceUsage(String month, String workspace, double cpuSeconds, double gpuSeconds, List<Job> jobs) {}

  public record WorkspaceTotal(String workspace, double cpuSeconds, double gpuSeconds, int jobs) {}

  public record TenantUsage(String month, double cpuSeconds, double gpuSeconds, List<WorkspaceTotal> workspaces) {}
}
