package dev.flotilla.scheduler.service;

import dev.flotilla.protocol.scheduler.v1.JobUsage;
import dev.flotilla.scheduler.core.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metered usage per (tenancy, job) since this scheduler started: CPU- and GPU-seconds, from the
 * run time executors measure for each task and from each actor's lifetime (an actor holds its
 * resources while it lives). The edge reads it to bill and to keep monthly budgets. Called only
 * under the coordinator's lock.
 */
final class Usage {
  private record Key(Tenancy tenancy, String jobId) {}

  private static final class Totals {
    double cpuSeconds;
    double gpuSeconds;
    long tasks;
  }

  private final Map<Key, Totals> totals = new LinkedHashMap<>();

  /** {@code seconds} of holding {@code resources}; {@code task} counts one finished task. */
  void add(Tenancy t, String jobId, Resources resources, double seconds, boolean task) {
    Totals x = totals.computeIfAbsent(new Key(t, jobId), k -> new Totals());
    x.cpuSeconds += resources.get(Resources.CPU) * seconds;
    x.gpuSeconds += resources.get(Resources.GPU) * seconds;
    if (task) {
      x.tasks++;
    }
  }

  /** Per job, for one tenant (and workspace), or every tenant's when {@code tenant} is empty. */
  List<JobUsage> report(String tenant, String workspace) {
    List<JobUsage> out = new ArrayList<>();
    totals.forEach((k, v) -> {
      if ((tenant.isEmpty() || k.tenancy().tenant().equals(tenant))
          && (workspace.isEmpty() || k.tenancy().workspace().equals(workspace))) {
        out.add(JobUsage.newBuilder().setTenant(k.tenancy().tenant()).setWorkspace(k.tenancy().workspace())
            .setJobId(k.jobId()).setCpuSeconds(v.cpuSeconds).setGpuSeconds(v.gpuSeconds).setTasks(v.tasks).build());
      }
    });
    return out;
  }
}
