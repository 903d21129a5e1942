package dev.flotilla.apiserver.launch;

import com.google.protobuf.ByteString;
import dev.flotilla.apiserver.edge.EdgeConfig;
import dev.flotilla.apiserver.edge.EdgeGrant;
import dev.flotilla.apiserver.edge.EdgeServer;
import dev.flotilla.apiserver.edge.SchedulerLink;
import dev.flotilla.apiserver.edge.WorkspaceGrants;
import dev.flotilla.protocol.common.v1.ErrorInfo;
import dev.flotilla.protocol.common.v1.FunctionDescriptor;
import dev.flotilla.protocol.common.v1.ResourceSet;
import dev.flotilla.protocol.common.v1.TaskArg;
import dev.flotilla.protocol.scheduler.v1.CloseSessionRequest;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusRequest;
import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import dev.flotilla.protocol.scheduler.v1.GetObjectsRequest;
import dev.flotilla.protocol.scheduler.v1.ObjectResult;
import dev.flotilla.protocol.scheduler.v1.OpenSessionRequest;
import dev.flotilla.protocol.scheduler.v1.OpenSessionResponse;
import dev.flotilla.protocol.scheduler.v1.PendingTask;
import dev.flotilla.protocol.scheduler.v1.TaskSpec;
import dev.flotilla.protocol.scheduler.v1.WaitObjectsRequest;
import dev.flotilla.runtime.internal.client.ClusterAddress;
import dev.flotilla.runtime.internal.client.DriverCodePackage;
import dev.flotilla.runtime.internal.codepackage.CodeBlob;
import dev.flotilla.runtime.internal.serialization.ValueSerializer;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Starts platform entrypoints (the REST job driver, the notebook kernel host) in a workspace's
 * executors, as a driver of its own scheduler job: one session per launch, opened with the
 * scheduler's edge secret and stamped with the workspace's tenant, name, quotas and GPU budget
 * exactly as the SDK edge stamps an SDK session. Closing the session ends the job and kills its
 * executors. Only the protobuf status of the entrypoint's result is read, never its value.
 * Blocking: call from a worker or virtual thread. Thread-safe.
 */
@ApplicationScoped
public class PlatformLauncher {
  private static final Duration RPC_DEADLINE = Duration.ofSeconds(30);
  private static final Duration MAX_POLL = Duration.ofSeconds(30);

  private final EdgeConfig edge;
  private final LaunchConfig config;
  private final EdgeServer edgeServer;
  private final InstantSource clock;
  private final ValueSerializer args = new ValueSerializer(PlatformLauncher.class.getClassLoader(), false);
  private final Path blobDir = Path.of(System.getProperty("java.io.tmpdir"), "flotilla-launch-blobs");
  private final SchedulerLink scheduler;

  PlatformLauncher(EdgeConfig edge, LaunchConfig config, EdgeServer edgeServer, InstantSource clock, SchedulerLink scheduler) {
    this.scheduler = scheduler;
    this.edge = edge;
    this.config = config;
    this.edgeServer = edgeServer;
    this.clock = clock;
  }

  /** True when a scheduler is configured ({@code flotilla.edge.scheduler-address} and its secret). */
  public boolean available() {
    return scheduler.configured();
  }

  /**
   * Opens the workspace's session, uploads the code package blobs the scheduler lacks and submits
   * the entrypoint. On any failure after the session opened, the session is closed again.
   *
   * @throws LaunchException when no scheduler is configured or reachable, the workspace is gone,
   *     or the scheduler refused the work (its message is kept)
   */
  public Launched launch(LaunchSpec spec) {
    if (!available()) {
      throw new LaunchException("no cluster is configured (flotilla.edge.scheduler-address)", false, null);
    }
    EdgeGrant grant = grant(spec);
    var stub = stub();
    OpenSessionResponse session;
    try {
      session = scheduler.asEdge(stub).openSession(open(grant, spec));
    } catch (StatusRuntimeException e) {
      throw refused("cannot open a session for workspace '" + grant.workspace() + "'", e);
    }
    try {
      List<String> hashes = DriverCodePackage.upload(stub, blobs(spec.codePackage()));
      String taskId = "launch-" + UUID.randomUUID();
      var submitted = stub.submitTask(task(spec, session, taskId, hashes));
      return new Launched(session.getJobId(), session.getSessionId(), taskId, submitted.getReturnObjectId());
    } catch (RuntimeException e) {
      closeQuietly(session.getSessionId());
      throw e instanceof StatusRuntimeException s ? refused("cannot start " + spec.name(), s) : e;
    }
  }

  /**
   * Waits up to {@code wait} (at most 30 s) for the entrypoint to end and says how it stands. A
   * session the scheduler no longer knows (the job was stopped, or the scheduler restarted) is a
   * {@link Outcome.Failed} of kind {@code CANCELLED}.
   */
  public Outcome poll(Launched l, Duration wait) {
    long ms = Math.max(0, Math.min(wait.toMillis(), MAX_POLL.toMillis()));
    var stub = stub().withDeadlineAfter(ms + RPC_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    try {
      var ready = stub.waitObjects(WaitObjectsRequest.newBuilder().addObjectIds(l.resultObjectId()).setNumReturns(1)
          .setTimeoutMs(ms).setSessionId(l.sessionId()).build());
      if (ready.getReadyCount() == 0) {
        return new Outcome.Running();
      }
      var got = stub.getObjects(GetObjectsRequest.newBuilder().addObjectIds(l.resultObjectId()).setTimeoutMs(0)
          .setSessionId(l.sessionId()).build());
      return got.getResultsList().stream().findFirst().map(PlatformLauncher::outcome).orElse(new Outcome.Running());
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.NOT_FOUND || code == Status.Code.FAILED_PRECONDITION) {
        return new Outcome.Failed("CANCELLED", "", "the scheduler no longer knows this launch: " + e.getStatus().getDescription());
      }
      throw refused("cannot ask the scheduler about " + l.taskId(), e);
    }
  }

  /**
   * Why the entrypoint still waits to be placed (the scheduler's pending reason, e.g. "workspace
   * quota: CPU 4/4 in use"), or empty once it runs or ended.
   */
  public Optional<String> pendingReason(Launched l) {
    try {
      return stub().clusterStatus(ClusterStatusRequest.newBuilder().setSessionId(l.sessionId()).build())
          .getPendingList().stream().filter(p -> p.getTaskId().equals(l.taskId())).map(PendingTask::getReason)
          .filter(r -> !r.isBlank()).findFirst();
    } catch (StatusRuntimeException e) {
      return Optional.empty();
    }
  }

  /** Ends the launch's scheduler job: queued work dropped, its executors stopped. Idempotent. */
  public void stop(Launched l) {
    try {
      stub().closeSession(CloseSessionRequest.newBuilder().setSessionId(l.sessionId()).build());
    } catch (StatusRuntimeException e) {
      throw refused("cannot stop " + l.taskId(), e);
    }
  }

  /** Where entrypoints dial back: {@code flotilla.launch.callback-address}, else the edge port here. */
  public String callbackAddress() {
    Optional<String> set = config.callbackAddress().filter(a -> !a.isBlank());
    if (set.isPresent()) {
      return set.get();
    }
    if (edgeServer.port() < 0) {
      throw new LaunchException("the SDK edge is not listening, so launched code cannot call back", false, null);
    }
    String host = edge.grpcHost().equals("0.0.0.0") || edge.grpcHost().equals("::") ? "127.0.0.1" : edge.grpcHost();
    return (edge.tlsCertFile().isPresent() ? ClusterAddress.TLS_SCHEME : ClusterAddress.SCHEME) + host + ":" + edgeServer.port();
  }

  private EdgeGrant grant(LaunchSpec spec) {
    Optional<EdgeGrant> grant;
    try {
      grant = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
          WorkspaceGrants.of(spec.tenantId(), spec.workspaceId(), "launch:" + spec.name(), clock.instant())));
    } catch (Throwable t) {
      throw new LaunchException("cannot read the workspace's quotas: " + t.getMessage(), true, t);
    }
    return grant.orElseThrow(() -> new LaunchException("the workspace no longer exists", false, null));
  }

  private static OpenSessionRequest open(EdgeGrant g, LaunchSpec spec) {
    return WorkspaceGrants.openRequest(g, "platform:" + spec.name());
  }

  private TaskSpec task(LaunchSpec spec, OpenSessionResponse session, String taskId, List<String> hashes) {
    var t = TaskSpec.newBuilder().setTaskId(taskId).setJobId(session.getJobId()).setSessionId(session.getSessionId())
        .setName(spec.name())
        .setFunction(FunctionDescriptor.newBuilder().setClassName(spec.entrypoint().className())
            .setMethodName(spec.entrypoint().methodName()).setMethodDescriptor(spec.entrypoint().descriptor())
            .setImplKind(java.lang.invoke.MethodHandleInfo.REF_invokeStatic))
        .setResources(ResourceSet.newBuilder().putAllAmounts(spec.resources()))
        .setMaxRetries(0).setRetryExceptions(false).addAllCodePackage(hashes);
    for (Object a : spec.args()) {
      t.addArgs(TaskArg.newBuilder().setInlineValue(ByteString.copyFrom(args.serialize(a))));
    }
    return t.build();
  }

  /** The blobs as content-addressed files (written once per hash), for the SDK's uploader. */
  private List<CodeBlob> blobs(List<Blob> blobs) {
    List<CodeBlob> out = new ArrayList<>();
    try {
      Files.createDirectories(blobDir);
      for (Blob b : blobs) {
        Path file = blobDir.resolve(b.sha256() + ".jar");
        if (!Files.exists(file)) {
          Path tmp = Files.createTempFile(blobDir, b.sha256(), ".part");
          Files.write(tmp, b.bytes());
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        out.add(new CodeBlob(b.sha256(), file, file, b.bytes().length));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stage the code package under " + blobDir, e);
    }
    return out;
  }

  private static Outcome outcome(ObjectResult r) {
    if (!r.hasError()) {
      return new Outcome.Succeeded();
    }
    ErrorInfo e = r.getError();
    return new Outcome.Failed(e.getKind().name(), e.getExceptionClass(), e.getMessage());
  }

  private void closeQuietly(String sessionId) {
    try {
      stub().closeSession(CloseSessionRequest.newBuilder().setSessionId(sessionId).build());
    } catch (StatusRuntimeException ignored) {
      // the session ends with the scheduler anyway
    }
  }

  private static LaunchException refused(String what, StatusRuntimeException e) {
    Status s = e.getStatus();
    boolean retryable = s.getCode() == Status.Code.UNAVAILABLE || s.getCode() == Status.Code.DEADLINE_EXCEEDED;
    return new LaunchException(what + ": " + (s.getDescription() == null ? s.getCode() : s.getDescription()), retryable, e);
  }

  private DriverServiceGrpc.DriverServiceBlockingStub stub() {
    return scheduler.stub().withDeadlineAfter(RPC_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
  }
}
