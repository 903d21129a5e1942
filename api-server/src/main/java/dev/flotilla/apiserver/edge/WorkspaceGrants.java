package dev.flotilla.apiserver.edge;

import dev.flotilla.apiserver.persistence.QuotaEntity;
import dev.flotilla.apiserver.persistence.TenantEntity;
import dev.flotilla.apiserver.persistence.WorkspaceEntity;
import dev.flotilla.apiserver.usage.UsageLedger;
import dev.flotilla.protocol.scheduler.v1.OpenSessionRequest;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What work in one workspace runs under at the scheduler: the tenant's slug and the workspace's
 * name it is stamped with, both quotas as scheduler limits ({@code "GPU"}, {@code "CPU"}) and the
 * GPU budget left this month. Read inside a Panache session.
 */
public final class WorkspaceGrants {
  private WorkspaceGrants() {}

  /** The grant for work in {@code workspaceId}; empty when the tenant or workspace is gone. */
  public static Uni<Optional<EdgeGrant>> of(UUID tenantId, UUID workspaceId, String grantId, Instant now) {
    return TenantEntity.<TenantEntity>findById(tenantId).flatMap(tenant ->
        WorkspaceEntity.<WorkspaceEntity>findById(workspaceId).flatMap(ws ->
            QuotaEntity.<QuotaEntity>find("tenantId = ?1 and workspaceId = ?2", tenantId, workspaceId).firstResult()
                .flatMap(wsQuota -> QuotaEntity.<QuotaEntity>find("tenantId = ?1 and workspaceId is null", tenantId)
                    .firstResult()
                    .flatMap(tenantQuota -> UsageLedger.gpuSecondsThisMonth(workspaceId, now)
                        .map(spent -> tenant == null || ws == null || !tenantId.equals(ws.tenantId)
                            ? Optional.<EdgeGrant>empty()
                            : Optional.of(new EdgeGrant(grantId, tenant.slug, ws.name, limits(wsQuota),
                                limits(tenantQuota), budgetLeft(wsQuota, spent))))))));
  }

  /**
   * A new job's {@code OpenSession} request stamped with the grant (tenant, workspace, both
   * quotas, GPU budget), as every session the api-server opens for a workspace must be: the
   * scheduler keeps the latest stamp of a workspace.
   */
  public static OpenSessionRequest openRequest(EdgeGrant g, String clientName) {
    var r = OpenSessionRequest.newBuilder().setClientName(clientName).setTenant(g.tenant()).setWorkspace(g.workspace())
        .putAllWorkspaceLimits(g.workspaceLimits()).putAllTenantLimits(g.tenantLimits());
    if (g.gpuSecondsLeft() != null) {
      r.setHasGpuBudget(true).setGpuSecondsLeft(g.gpuSecondsLeft());
    }
    return r.build();
  }

  private static Map<String, Double> limits(QuotaEntity q) {
    Map<String, Double> out = new HashMap<>();
    if (q != null && q.maxGpus != null) {
      out.put("GPU", q.maxGpus.doubleValue());
    }
    if (q != null && q.maxCpus != null) {
      out.put("CPU", q.maxCpus.doubleValue());
    }
    return out;
  }

  /**
   * The workspace's monthly GPU budget in GPU-seconds less what is recorded for this month (as
   * fresh as the usage collector's last pull); never below zero, null without a budget.
   */
  static Double budgetLeft(QuotaEntity q, double spentGpuSeconds) {
    return q == null || q.gpuHoursPerMonth == null ? null
        : Math.max(0, q.gpuHoursPerMonth.doubleValue() * 3600 - spentGpuSeconds);
  }
}
