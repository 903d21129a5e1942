package dev.flotilla.apiserver.usage;

import dev.flotilla.apiserver.persistence.TenantEntity;
import dev.flotilla.apiserver.persistence.UsageCursorEntity;
import dev.flotilla.apiserver.persistence.UsageRecordEntity;
import dev.flotilla.apiserver.persistence.WorkspaceEntity;
import dev.flotilla.protocol.scheduler.v1.JobUsage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Folds the scheduler's running usage totals into PostgreSQL: per job, what grew since the
 * totals last folded in ({@link UsageCursorEntity}) is added to that job's row for the current
 * month, in one transaction with the new cursor, so folding the same totals again adds nothing.
 * Jobs of unknown tenants or deleted workspaces are skipped. Non-blocking.
 */
@ApplicationScoped
public class UsageLedger {

  /** Folds {@code jobs}, attributing growth to the month of {@code now}. */
  public Uni<Void> fold(List<JobUsage> jobs, Instant now) {
    LocalDate month = UsageMonth.of(now);
    return Panache.withTransaction(() -> {
      Uni<Void> chain = Uni.createFrom().voidItem();
      for (JobUsage job : jobs) {
        chain = chain.flatMap(v -> foldOne(job, month, now));
      }
      return chain;
    });
  }

  private static Uni<Void> foldOne(JobUsage job, LocalDate month, Instant now) {
    return TenantEntity.<TenantEntity>find("slug", job.getTenant()).firstResult().flatMap(t -> t == null
        ? Uni.createFrom().voidItem()
        : WorkspaceEntity.<WorkspaceEntity>find("tenantId = ?1 and name = ?2", t.id, job.getWorkspace()).firstResult()
            .flatMap(w -> w == null ? Uni.createFrom().voidItem() : foldInto(t.id, w.id, job, month, now)));
  }

  private static Uni<Void> foldInto(UUID tenant, UUID workspace, JobUsage job, LocalDate month, Instant now) {
    return UsageCursorEntity.<UsageCursorEntity>find("workspaceId = ?1 and jobKey = ?2", workspace, job.getJobId())
        .firstResult().flatMap(cursor -> {
          UsageDelta d = cursor == null ? UsageDelta.between(job.getCpuSeconds(), job.getGpuSeconds(), 0, 0)
              : UsageDelta.between(job.getCpuSeconds(), job.getGpuSeconds(), cursor.cpuSeconds, cursor.gpuSeconds);
          if (cursor != null && d.isZero()) {
            return Uni.createFrom().voidItem();
          }
          UsageCursorEntity c = cursor != null ? cursor : newCursor(tenant, workspace, job.getJobId());
          c.cpuSeconds = job.getCpuSeconds();
          c.gpuSeconds = job.getGpuSeconds();
          Uni<Void> savedCursor = cursor == null ? c.persist().replaceWithVoid() : Uni.createFrom().voidItem();
          return savedCursor.flatMap(v -> add(tenant, workspace, job.getJobId(), month, d, now));
        });
  }

  private static Uni<Void> add(UUID tenant, UUID workspace, String jobKey, LocalDate month, UsageDelta d, Instant now) {
    return UsageRecordEntity.<UsageRecordEntity>find("workspaceId = ?1 and jobKey = ?2 and month = ?3",
        workspace, jobKey, month).firstResult().flatMap(r -> {
          UsageRecordEntity row = r;
          if (row == null) {
            row = new UsageRecordEntity();
            row.id = UUID.randomUUID();
            row.tenantId = tenant;
            row.workspaceId = workspace;
            row.jobKey = jobKey;
            row.month = month;
            row.startedAt = now;
          }
          row.cpuSeconds += d.cpuSeconds();
          row.gpuSeconds += d.gpuSeconds();
          row.endedAt = now;
          return r == null ? row.persist().replaceWithVoid() : Uni.createFrom().voidItem();
        });
  }

  private static UsageCursorEntity newCursor(UUID tenant, UUID workspace, String jobKey) {
    UsageCursorEntity c = new UsageCursorEntity();
    c.id = UUID.randomUUID();
    c.tenantId = tenant;
    c.workspaceId = workspace;
    c.jobKey = jobKey;
    return c;
  }

  /** GPU-seconds recorded for a workspace in the month of {@code now}. */
  public static Uni<Double> gpuSecondsThisMonth(UUID workspace, Instant now) {
    return Panache.getSession().flatMap(s -> s.createSelectionQuery(
            "select coalesce(sum(u.gpuSeconds), 0.0) from UsageRecordEntity u where u.workspaceId = ?1 and u.month = ?2",
            Double.class)
        .setParameter(1, workspace).setParameter(2, UsageMonth.of(now)).getSingleResult());
  }
}
