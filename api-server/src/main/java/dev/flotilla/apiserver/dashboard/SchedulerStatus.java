package dev.flotilla.apiserver.dashboard;

import dev.flotilla.apiserver.edge.SchedulerLink;
import dev.flotilla.apiserver.edge.EdgeGrant;
import dev.flotilla.apiserver.edge.WorkspaceGrants;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusRequest;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusResponse;
import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The scheduler's {@code ClusterStatus} as one workspace may see it: asked through that
 * workspace's dashboard session ({@link WorkspaceSessions}), which the api-server opens like the
 * SDK edge does — presenting the edge secret, stamped with the tenant, the workspace, their limits
 * and GPU budget ({@link WorkspaceGrants}) — so the scheduler lists only that workspace's pending
 * work. Configured by {@code flotilla.edge.scheduler-address} and {@code flotilla.edge.secret};
 * without them {@link #configured()} is false. Blocking: call {@link #status} off the event loop.
 */
@ApplicationScoped
public class SchedulerStatus {
  private static final Logger LOG = Logger.getLogger(SchedulerStatus.class);
  private static final long DEADLINE_SECONDS = 10;

  /** The scheduler could not be asked (down, unreachable, too slow, or it refused the api-server). */
  public static final class Unreachable extends RuntimeException {
    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final SchedulerLink scheduler;
  private final InstantSource clock;
  private final Vertx vertx;
  private ManagedChannel channel;
  private WorkspaceSessions sessions;
  private long sweeper = -1;

  SchedulerStatus(SchedulerLink scheduler, InstantSource clock, Vertx vertx) {
    this.scheduler = scheduler;
    this.clock = clock;
    this.vertx = vertx;
  }

  void start(@Observes StartupEvent e) {
    if (!scheduler.configured()) {
      LOG.info("dashboard shows no cluster: flotilla.edge.scheduler-address and flotilla.edge.secret are not set");
      return;
    }
    channel = scheduler.channel();
    sessions = new WorkspaceSessions(clock, this::open);
    sweeper = vertx.setPeriodic(60_000, id -> Thread.ofVirtual().name("dashboard-sessions").start(sessions::closeIdle));
  }

  void stop(@Observes ShutdownEvent e) {
    if (sweeper >= 0) {
      vertx.cancelTimer(sweeper);
    }
    if (sessions != null) {
      sessions.closeAll();
    }
  }

  /** Whether a scheduler is configured. */
  public boolean configured() {
    return channel != null;
  }

  /**
   * The cluster with the pending work of the grant's workspace only. Blocks up to about
   * {@value #DEADLINE_SECONDS} s per scheduler call.
   *
   * @param grant the workspace's current stamp, used when its session must be opened
   * @throws Unreachable when the scheduler cannot be asked
   */
  public ClusterStatusResponse status(EdgeGrant grant) {
    if (!configured()) {
      throw new IllegalStateException("no scheduler configured");
    }
    try {
      var session = sessions.acquire(grant);
      return DriverServiceGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
          .clusterStatus(ClusterStatusRequest.newBuilder().setSessionId(session.id()).build());
    } catch (StatusRuntimeException ex) {
      throw new Unreachable(describe(ex.getStatus()), ex);
    }
  }

  /** How many dashboard sessions are open. */
  int openSessions() {
    return sessions == null ? 0 : sessions.size();
  }

  private WorkspaceSessions.Session open(EdgeGrant grant) {
    String id = scheduler.asEdge(DriverServiceGrpc.newBlockingStub(channel))
        .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
        .openSession(WorkspaceGrants.openRequest(grant, "flotilla-dashboard")).getSessionId();
    LOG.infof("dashboard session %s opened for tenant %s workspace %s", id, grant.tenant(), grant.workspace());
    return new SchedulerSession(id, channel);
  }

  private static String describe(Status s) {
    return switch (s.getCode()) {
      case UNAVAILABLE -> "the cluster's scheduler cannot be reached now; retry shortly";
      case DEADLINE_EXCEEDED -> "the cluster's scheduler did not answer within " + DEADLINE_SECONDS + " s; retry shortly";
      case PERMISSION_DENIED, UNAUTHENTICATED -> "the cluster's scheduler refused the api-server (check flotilla.edge.secret)";
      default -> "the cluster's scheduler answered " + s.getCode();
    };
  }
}
