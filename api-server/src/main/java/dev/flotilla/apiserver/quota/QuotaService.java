package dev.flotilla.apiserver.quota;

import dev.flotilla.apiserver.api.QuotaDtos;
import dev.flotilla.apiserver.audit.AuditLog;
import dev.flotilla.apiserver.auth.Access;
import dev.flotilla.apiserver.error.ApiException;
import dev.flotilla.apiserver.persistence.QuotaEntity;
import dev.flotilla.apiserver.persistence.TenantEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Reads and replaces quotas. A tenant's quota has no workspace; a workspace's may not exceed its
 * tenant's on any cap (422 naming the field). Every change and its audit row commit together.
 * The scheduler enforces them; they reach it with each new SDK session. Non-blocking.
 */
@ApplicationScoped
public class QuotaService {
  private final AuditLog audit;

  QuotaService(AuditLog audit) {
    this.audit = audit;
  }

  public Uni<QuotaDtos.Quota> tenantQuota(Access access) {
    return Panache.withSession(() -> find(access.tenant().id(), null)).map(QuotaService::view);
  }

  public Uni<QuotaDtos.Quota> workspaceQuota(Access access) {
    return Panache.withSession(() -> find(access.tenant().id(), access.workspaceId())).map(QuotaService::view);
  }

  /** Platform admins only: the path's tenant is looked up here (the admin belongs to no tenant). */
  public Uni<QuotaDtos.Quota> setTenantQuota(Access access, String slug, QuotaDtos.Quota quota) {
    return Panache.withTransaction(() -> TenantEntity.<TenantEntity>find("slug", slug).firstResult()
        .onItem().ifNull().failWith(() -> ApiException.notFound("no such tenant"))
        .flatMap(t -> find(t.id, null).flatMap(q -> save(q, t.id, null, quota))
            .call(v -> audit.record(access, t.id, "quota.set", "tenant/" + slug, describe(quota)))));
  }

  public Uni<QuotaDtos.Quota> setWorkspaceQuota(Access access, QuotaDtos.Quota quota) {
    UUID tenant = access.tenant().id();
    return Panache.withTransaction(() -> find(tenant, null)
        .invoke(tenantQuota -> QuotaLimits.requireWithin(quota, view(tenantQuota)))
        .flatMap(ignored -> find(tenant, access.workspaceId()))
        .flatMap(q -> save(q, tenant, access.workspaceId(), quota))
        .call(v -> audit.record(access, tenant, "quota.set",
            "tenant/" + access.tenant().slug() + "/workspace/" + access.workspaceName(), describe(quota))));
  }

  private static Uni<QuotaEntity> find(UUID tenant, UUID workspace) {
    return workspace == null
        ? QuotaEntity.<QuotaEntity>find("tenantId = ?1 and workspaceId is null", tenant).firstResult()
        : QuotaEntity.<QuotaEntity>find("tenantId = ?1 and workspaceId = ?2", tenant, workspace).firstResult();
  }

  private static Uni<QuotaDtos.Quota> save(QuotaEntity existing, UUID tenant, UUID workspace, QuotaDtos.Quota quota) {
    QuotaEntity q = existing;
    if (q == null) {
      q = new QuotaEntity();
      q.id = UUID.randomUUID();
      q.tenantId = tenant;
      q.workspaceId = workspace;
    }
    q.maxGpus = quota.maxGpus();
    q.maxCpus = quota.maxCpus();
    q.gpuHoursPerMonth = quota.gpuHoursPerMonth();
    QuotaEntity saved = q;
    return (existing == null ? q.persist() : Uni.createFrom().item(q)).map(x -> view(saved));
  }

  static QuotaDtos.Quota view(QuotaEntity q) {
    return q == null ? new QuotaDtos.Quota(null, null, null) : new QuotaDtos.Quota(q.maxGpus, q.maxCpus, q.gpuHoursPerMonth);
  }

  private static String describe(QuotaDtos.Quota q) {
    return "maxGpus=" + or(q.maxGpus()) + ", maxCpus=" + or(q.maxCpus()) + ", gpuHoursPerMonth=" + or(q.gpuHoursPerMonth());
  }

  private static String or(Object v) {
    return v == null ? "unlimited" : v.toString();
  }
}
