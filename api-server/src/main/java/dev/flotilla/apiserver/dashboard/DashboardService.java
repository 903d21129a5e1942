package dev.flotilla.apiserver.dashboard;

import dev.flotilla.apiserver.auth.Access;
import dev.flotilla.apiserver.edge.EdgeGrant;
import dev.flotilla.apiserver.edge.WorkspaceGrants;
import dev.flotilla.apiserver.error.ApiException;
import dev.flotilla.apiserver.quota.QuotaService;
import dev.flotilla.apiserver.usage.UsageMonth;
import dev.flotilla.apiserver.usage.UsageService;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusResponse;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Puts a workspace's dashboard together: the workspace's quota and this month's usage from
 * PostgreSQL, then the cluster from the scheduler ({@link SchedulerStatus}, on a virtual thread:
 * that call blocks). Without a scheduler the answer says {@code not configured}; an unreachable
 * scheduler is a 503.
 */
@ApplicationScoped
public class DashboardService {
  private static final Executor BLOCKING = task -> Thread.ofVirtual().name("dashboard-status").start(task);

  private final SchedulerStatus scheduler;
  private final QuotaService quotas;
  private final UsageService usage;
  private final InstantSource clock;

  DashboardService(SchedulerStatus scheduler, QuotaService quotas, UsageService usage, InstantSource clock) {
    this.scheduler = scheduler;
    this.quotas = quotas;
    this.usage = usage;
    this.clock = clock;
  }

  /** The dashboard of the path's workspace of {@code access}. Non-blocking. */
  public Uni<DashboardDtos.Cluster> cluster(Access access) {
    Instant now = clock.instant();
    return quotas.workspaceQuota(access).flatMap(quota -> usage.workspace(access, UsageMonth.of(now)).flatMap(used -> {
      DashboardDtos.Usage month = new DashboardDtos.Usage(used.month(), used.cpuSeconds() / 3600, used.gpuSeconds() / 3600);
      if (!scheduler.configured()) {
        return Uni.createFrom().item(new DashboardDtos.Cluster(DashboardDtos.NOT_CONFIGURED,
            "no scheduler is configured for this platform (flotilla.edge.scheduler-address): no nodes to show", now,
            List.of(), List.of(), List.of(), List.of(), DashboardDtos.Truncated.NONE, quota, month));
      }
      return Panache.withSession(() -> WorkspaceGrants.of(access.tenant().id(), access.workspaceId(), "dashboard", now))
          .map(grant -> grant.orElseThrow(() -> ApiException.notFound("no workspace " + access.workspaceName())))
          .flatMap(grant -> Uni.createFrom().item(() -> askScheduler(grant)).runSubscriptionOn(BLOCKING))
          .map(status -> new DashboardDtos.Cluster(DashboardDtos.CONNECTED,
              "nodes, and this workspace's waiting and running tasks and actors", clock.instant(),
              ClusterViews.nodes(status), ClusterViews.pending(status), WorkViews.running(status),
              WorkViews.actors(status), WorkViews.truncated(status), quota, month));
    }));
  }

  private ClusterStatusResponse askScheduler(EdgeGrant grant) {
    try {
      return scheduler.status(grant);
    } catch (SchedulerStatus.Unreachable e) {
      throw ApiException.unavailable(e.getMessage());
    }
  }
}
