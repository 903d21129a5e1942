package dev.flotilla.scheduler.service;

import dev.flotilla.scheduler.core.Reservation;
import dev.flotilla.scheduler.core.Resources;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Hard limits on what a workspace and a tenant may hold at once (e.g. GPU 4, CPU 32), as the edge
 * stamped them on the tenancy's sessions, and what each holds now. Work over a limit is not
 * placed; it waits with the reason, e.g. {@code workspace quota: GPU 4/4 in use}. Called only
 * under the coordinator's lock.
 */
final class Quotas {
  private final Map<String, Map<String, Double>> workspaceLimits = new HashMap<>();
  private final Map<String, Map<String, Double>> tenantLimits = new HashMap<>();
  private final Map<String, Resources> workspaceInUse = new HashMap<>();
  private final Map<String, Resources> tenantInUse = new HashMap<>();
  /** Workspace key → GPU-seconds of budget left, where the edge set a budget. */
  private final Map<String, Double> gpuSecondsLeft = new HashMap<>();
  /** Reservation → tenancy it is charged to. */
  private final Map<Reservation, Tenancy> charged = new IdentityHashMap<>();

  /** The latest limits the edge stamped (empty maps lift them). */
  void setLimits(Tenancy t, Map<String, Double> workspace, Map<String, Double> tenant) {
    if (t.tenant().isEmpty()) {
      return;
    }
    workspaceLimits.put(t.workspaceKey(), Map.copyOf(workspace));
    tenantLimits.put(t.tenant(), Map.copyOf(tenant));
  }

  /** The workspace's GPU budget left, in GPU-seconds, as the edge counts it now. */
  void setGpuBudget(Tenancy t, double secondsLeft) {
    if (!t.tenant().isEmpty()) {
      gpuSecondsLeft.put(t.workspaceKey(), secondsLeft);
    }
  }

  /** GPU time used by the workspace's work comes off its budget. */
  void spendGpu(Tenancy t, double gpuSeconds) {
    if (gpuSeconds > 0) {
      gpuSecondsLeft.computeIfPresent(t.workspaceKey(), (k, v) -> v - gpuSeconds);
    }
  }

  /** Why new GPU work of the workspace must fail (its budget is spent), or null. */
  String gpuBudgetSpent(Tenancy t) {
    Double left = gpuSecondsLeft.get(t.workspaceKey());
    return left == null || left > 0 ? null
        : "workspace '" + t.workspace() + "' has spent its GPU budget (" + Resources.format(-left / 3600)
            + " GPU-hours over): new GPU work is refused until the budget is raised or renewed";
  }

  /**
   * Whether {@code t} may take {@code demand} on top of what it holds and {@code alsoPending}
   * (admitted earlier in the same scheduling pass); null, or why not (the pending reason).
   */
  String check(Tenancy t, Resources demand, Resources alsoPending) {
    if (t.tenant().isEmpty()) {
      return null;
    }
    String refused = check("workspace", workspaceLimits.get(t.workspaceKey()),
        workspaceInUse.getOrDefault(t.workspaceKey(), Resources.none()).plus(alsoPending), demand);
    return refused != null ? refused : check("tenant", tenantLimits.get(t.tenant()),
        tenantInUse.getOrDefault(t.tenant(), Resources.none()).plus(alsoPending), demand);
  }

  private static String check(String level, Map<String, Double> limits, Resources inUse, Resources demand) {
    if (limits == null) {
      return null;
    }
    for (var e : limits.entrySet()) {
      double want = demand.get(e.getKey());
      double used = inUse.get(e.getKey());
      if (want > 0 && used + want > e.getValue() + Resources.EPSILON) {
        return level + " quota: " + e.getKey() + " " + Resources.format(used) + "/" + Resources.format(e.getValue())
            + " in use";
      }
    }
    return null;
  }

  /** A reservation now holds resources for {@code t}. */
  void charge(Reservation r, Tenancy t) {
    if (t.tenant().isEmpty() || charged.containsKey(r)) {
      return;
    }
    charged.put(r, t);
    workspaceInUse.merge(t.workspaceKey(), r.resources(), Resources::plus);
    tenantInUse.merge(t.tenant(), r.resources(), Resources::plus);
  }

  /** The reservation's resources went back to the pool. */
  void released(Reservation r) {
    Tenancy t = charged.remove(r);
    if (t != null) {
      workspaceInUse.computeIfPresent(t.workspaceKey(), (k, v) -> clamp(v.minus(r.resources())));
      tenantInUse.computeIfPresent(t.tenant(), (k, v) -> clamp(v.minus(r.resources())));
    }
  }

  /** What the tenancy's workspace holds now. */
  Resources workspaceInUse(Tenancy t) {
    return workspaceInUse.getOrDefault(t.workspaceKey(), Resources.none());
  }

  private static Resources clamp(Resources r) {
    Map<String, Double> out = new HashMap<>();
    r.amounts().forEach((k, v) -> out.put(k, Math.max(0, v)));
    return Resources.of(out);
  }
}
