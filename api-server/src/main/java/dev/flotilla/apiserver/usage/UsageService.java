package dev.flotilla.apiserver.usage;

import dev.flotilla.apiserver.api.UsageDtos;
import dev.flotilla.apiserver.auth.Access;
import dev.flotilla.apiserver.persistence.UsageRecordEntity;
import dev.flotilla.apiserver.persistence.WorkspaceEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads metered usage of the request's tenant (every query bounded by its id). Non-blocking. */
@ApplicationScoped
public class UsageService {

  /** Per job of the path's workspace in {@code month}. */
  public Uni<UsageDtos.WorkspaceUsage> workspace(Access access, LocalDate month) {
    return Panache.withSession(() -> UsageRecordEntity.<UsageRecordEntity>list(
            "tenantId = ?1 and workspaceId = ?2 and month = ?3 order by startedAt, jobKey",
            access.tenant().id(), access.workspaceId(), month))
        .map(rows -> {
          List<UsageDtos.Job> jobs = rows.stream().map(r -> job(access.workspaceName(), r)).toList();
          return new UsageDtos.WorkspaceUsage(label(month), access.workspaceName(), sum(jobs, true), sum(jobs, false), jobs);
        });
  }

  /** Every job of the tenant in {@code month}, with its workspace's name, by workspace name. */
  public Uni<List<UsageDtos.Job>> tenantJobs(Access access, LocalDate month) {
    UUID tenant = access.tenant().id();
    return Panache.withSession(() -> WorkspaceEntity.<WorkspaceEntity>list("tenantId", tenant)
        .flatMap(workspaces -> UsageRecordEntity.<UsageRecordEntity>list(
                "tenantId = ?1 and month = ?2 order by startedAt, jobKey", tenant, month)
            .map(rows -> {
              Map<UUID, String> names = workspaces.stream().collect(Collectors.toMap(w -> w.id, w -> w.name));
              List<UsageDtos.Job> jobs = new ArrayList<>();
              for (UsageRecordEntity r : rows) {
                jobs.add(job(names.getOrDefault(r.workspaceId, r.workspaceId.toString()), r));
              }
              jobs.sort(java.util.Comparator.comparing(UsageDtos.Job::workspace));
              return jobs;
            })));
  }

  /** Totals per workspace of the tenant in {@code month}. */
  public Uni<UsageDtos.TenantUsage> tenant(Access access, LocalDate month) {
    return tenantJobs(access, month).map(jobs -> {
      Map<String, List<UsageDtos.Job>> byWorkspace = new LinkedHashMap<>();
      jobs.forEach(j -> byWorkspace.computeIfAbsent(j.workspace(), k -> new ArrayList<>()).add(j));
      List<UsageDtos.WorkspaceTotal> totals = byWorkspace.entrySet().stream()
          .map(e -> new UsageDtos.WorkspaceTotal(e.getKey(), sum(e.getValue(), true), sum(e.getValue(), false),
              e.getValue().size()))
          .toList();
      return new UsageDtos.TenantUsage(label(month), sum(jobs, true), sum(jobs, false), totals);
    });
  }

  public static String label(LocalDate month) {
    return month.toString().substring(0, 7);
  }

  private static UsageDtos.Job job(String workspace, UsageRecordEntity r) {
    return new UsageDtos.Job(workspace, r.jobKey, r.cpuSeconds, r.gpuSeconds, r.startedAt, r.endedAt);
  }

  private static double sum(List<UsageDtos.Job> jobs, boolean cpu) {
    return jobs.stream().mapToDouble(j -> cpu ? j.cpuSeconds() : j.gpuSeconds()).sum();
  }
}
