package dev.flotilla.scheduler.service;

import com.google.protobuf.ByteString;
import dev.flotilla.protocol.common.v1.Empty;
import dev.flotilla.protocol.scheduler.v1.ActorCallSpec;
import dev.flotilla.protocol.scheduler.v1.ActorSpec;
import dev.flotilla.protocol.scheduler.v1.BlobChunk;
import dev.flotilla.protocol.scheduler.v1.CreateActorResponse;
import dev.flotilla.protocol.scheduler.v1.GetActorRequest;
import dev.flotilla.protocol.scheduler.v1.GetActorResponse;
import dev.flotilla.protocol.scheduler.v1.KillActorRequest;
import dev.flotilla.protocol.scheduler.v1.PlacementGroupSpec;
import dev.flotilla.protocol.scheduler.v1.RemovePlacementGroupRequest;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusRequest;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusResponse;
import dev.flotilla.protocol.scheduler.v1.CloseSessionRequest;
import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import dev.flotilla.protocol.scheduler.v1.GetBlobRequest;
import dev.flotilla.protocol.scheduler.v1.GetObjectsRequest;
import dev.flotilla.protocol.scheduler.v1.GetObjectsResponse;
import dev.flotilla.protocol.scheduler.v1.MissingBlobsRequest;
import dev.flotilla.protocol.scheduler.v1.MissingBlobsResponse;
import dev.flotilla.protocol.scheduler.v1.OpenSessionRequest;
import dev.flotilla.protocol.scheduler.v1.OpenSessionResponse;
import dev.flotilla.protocol.scheduler.v1.PlacePutRequest;
import dev.flotilla.protocol.scheduler.v1.PlacePutResponse;
import dev.flotilla.protocol.scheduler.v1.PutInlineRequest;
import dev.flotilla.protocol.scheduler.v1.RefsRequest;
import dev.flotilla.protocol.scheduler.v1.SubmitTaskResponse;
import dev.flotilla.protocol.scheduler.v1.TaskBlockedRequest;
import dev.flotilla.protocol.scheduler.v1.TaskSpec;
import dev.flotilla.protocol.scheduler.v1.WaitObjectsRequest;
import dev.flotilla.protocol.scheduler.v1.WaitObjectsResponse;
import dev.flotilla.protocol.common.v1.NodeRef;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import dev.flotilla.protocol.scheduler.v1.LifelineEvent;
import dev.flotilla.protocol.scheduler.v1.LifelineRequest;
import dev.flotilla.scheduler.state.StateStoreException;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The gRPC face of the scheduler for drivers and executors. Validates, then calls the coordinator. */
final class DriverServiceImpl extends DriverServiceGrpc.DriverServiceImplBase {
  private static final int MAX_IDS = 100_000;

  private final Coordinator coordinator;
  private final BlobStore blobs;
  private final ScheduledExecutorService timers;
  private final SchedulerConfig config;
  private final StatusReport status;
  private final EdgeAuth edge;

  DriverServiceImpl(Coordinator coordinator, BlobStore blobs, ScheduledExecutorService timers, SchedulerConfig config,
      EdgeAuth edge) {
    this.edge = edge;
    this.coordinator = coordinator;
    this.blobs = blobs;
    this.timers = timers;
    this.config = config;
    this.status = new StatusReport(coordinator);
  }

  @Override
  public void openSession(OpenSessionRequest req, StreamObserver<OpenSessionResponse> out) {
    boolean driver = req.getJobId().isEmpty();
    String jobId = driver ? Ids.random("job-") : req.getJobId();
    String sessionId = Ids.random("s-");
    Tenancy tenancy;
    if (!driver) {
      tenancy = coordinator.jobTenancy(jobId); // an executor: its job's
    } else if (!req.getTenant().isEmpty() || !req.getWorkspace().isEmpty()) {
      if (!edge.presented()) {
        out.onError(Status.PERMISSION_DENIED.withDescription(
            "only the api-server may open sessions for a tenant: connect through it with an API token").asRuntimeException());
        return;
      }
      if (req.getTenant().isEmpty() || req.getWorkspace().isEmpty()) {
        out.onError(Status.INVALID_ARGUMENT.withDescription("a tenant session needs both tenant and workspace").asRuntimeException());
        return;
      }
      tenancy = new Tenancy(req.getTenant(), req.getWorkspace());
      coordinator.setQuota(tenancy, req.getWorkspaceLimitsMap(), req.getTenantLimitsMap(),
          req.getHasGpuBudget() ? req.getGpuSecondsLeft() : null);
    } else if (edge.required() && !edge.presented()) {
      out.onError(Status.PERMISSION_DENIED.withDescription(
          "this scheduler accepts jobs only through the api-server: connect there with an API token").asRuntimeException());
      return;
    } else {
      tenancy = Tenancy.LOCAL;
    }
    try {
      coordinator.openSession(sessionId, jobId, driver, req.getClientName(), tenancy);
    } catch (StateStoreException e) {
      out.onError(Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException());
      return;
    }
    out.onNext(
        OpenSessionResponse.newBuilder()
            .setJobId(jobId)
            .setSessionId(sessionId)
            .setInlineLimitBytes(config.inlineLimitBytes())
            .setSchedulerEpoch(coordinator.epoch)
            .build());
    out.onCompleted();
  }

  @Override
  public void closeSession(CloseSessionRequest req, StreamObserver<Empty> out) {
    coordinator.closeSession(req.getSessionId());
    ok(out);
  }

  @Override
  public void lifeline(LifelineRequest req, StreamObserver<LifelineEvent> out) {
    var stream = (ServerCallStreamObserver<LifelineEvent>) out;
    stream.setOnCancelHandler(() -> coordinator.closeSession(req.getSessionId()));
    synchronized (coordinator) {
      if (coordinator.attachLifeline(req.getSessionId()) == null) {
        unknownSession(out, req.getSessionId());
        return;
      }
      out.onNext(LifelineEvent.newBuilder().setSchedulerEpoch(coordinator.epoch).build());
    }
  }

  @Override
  public void missingBlobs(MissingBlobsRequest req, StreamObserver<MissingBlobsResponse> out) {
    var r = MissingBlobsResponse.newBuilder();
    for (String h : req.getHashesList()) {
      if (!BlobStore.isValidHash(h)) {
        out.onError(Status.INVALID_ARGUMENT.withDescription("not a SHA-256 hex hash: " + h).asRuntimeException());
        return;
      }
      if (!blobs.has(h)) {
        r.addMissing(h);
      }
    }
    out.onNext(r.build());
    out.onCompleted();
  }

  @Override
  public StreamObserver<BlobChunk> uploadBlobs(StreamObserver<Empty> out) {
    return new BlobUpload(blobs, out);
  }

  @Override
  public void getBlob(GetBlobRequest req, StreamObserver<BlobChunk> out) {
    if (!blobs.has(req.getHash())) {
      out.onError(Status.NOT_FOUND.withDescription("no code blob " + req.getHash()).asRuntimeException());
      return;
    }
    try (InputStream in = Files.newInputStream(blobs.path(req.getHash()))) {
      byte[] buf = new byte[1 << 20];
      int n;
      boolean any = false;
      while ((n = in.readNBytes(buf, 0, buf.length)) > 0 || !any) {
        out.onNext(BlobChunk.newBuilder().setHash(req.getHash()).setData(ByteString.copyFrom(buf, 0, n)).build());
        any = true;
        if (n == 0) {
          break;
        }
      }
      out.onCompleted();
    } catch (IOException e) {
      out.onError(Status.INTERNAL.withDescription("cannot read blob: " + e.getMessage()).asRuntimeException());
    }
  }

  @Override
  public void submitTask(TaskSpec spec, StreamObserver<SubmitTaskResponse> out) {
    String invalid = TaskSpecs.validate(spec);
    if (invalid == null) {
      invalid = coordinator.submit(spec);
    }
    if (invalid != null) {
      out.onError(Status.INVALID_ARGUMENT.withDescription(invalid).asRuntimeException());
      return;
    }
    out.onNext(SubmitTaskResponse.newBuilder().setTaskId(spec.getTaskId()).setReturnObjectId(spec.getTaskId()).build());
    out.onCompleted();
  }

  @Override
  public void createActor(ActorSpec spec, StreamObserver<CreateActorResponse> out) {
    String invalid = ActorSpecs.validate(spec);
    if (invalid == null) {
      try {
        invalid = coordinator.createActor(spec);
      } catch (StateStoreException e) {
        out.onError(Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException());
        return;
      }
    }
    if (invalid != null) {
      Status status = invalid.startsWith("ALREADY_EXISTS: ")
          ? Status.ALREADY_EXISTS.withDescription(invalid.substring("ALREADY_EXISTS: ".length()))
          : invalid.startsWith("QUOTA_EXCEEDED: ")
          ? Status.RESOURCE_EXHAUSTED.withDescription(invalid.substring("QUOTA_EXCEEDED: ".length()))
          : Status.INVALID_ARGUMENT.withDescription(invalid);
      out.onError(status.asRuntimeException());
      return;
    }
    out.onNext(CreateActorResponse.newBuilder().setActorId(spec.getActorId()).build());
    out.onCompleted();
  }

  @Override
  public void submitActorCall(ActorCallSpec spec, StreamObserver<SubmitTaskResponse> out) {
    String invalid = spec.getTaskId().isBlank() || !spec.hasFunction() ? "call needs a task id and a method" : null;
    if (invalid == null) {
      invalid = coordinator.callActor(spec);
    }
    if (invalid != null) {
      out.onError(Status.INVALID_ARGUMENT.withDescription(invalid).asRuntimeException());
      return;
    }
    out.onNext(SubmitTaskResponse.newBuilder().setTaskId(spec.getTaskId()).setReturnObjectId(spec.getTaskId()).build());
    out.onCompleted();
  }

  @Override
  public void getActor(GetActorRequest req, StreamObserver<GetActorResponse> out) {
    ActorEntry a = coordinator.actorByName(tenancyOf(req.getSessionId()), req.getNamespace(), req.getName());
    var r = GetActorResponse.newBuilder().setFound(a != null);
    if (a != null) {
      r.setActorId(a.id()).setClassName(a.spec.getClassName());
    }
    out.onNext(r.build());
    out.onCompleted();
  }

  @Override
  public void createPlacementGroup(PlacementGroupSpec spec, StreamObserver<Empty> out) {
    String invalid;
    try {
      invalid = spec.getGroupId().isBlank() ? "group_id is empty" : coordinator.createPlacementGroup(spec);
    } catch (StateStoreException e) {
      out.onError(Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException());
      return;
    }
    if (invalid != null) {
      out.onError(Status.INVALID_ARGUMENT.withDescription(invalid).asRuntimeException());
      return;
    }
    ok(out);
  }

  @Override
  public void removePlacementGroup(RemovePlacementGroupRequest req, StreamObserver<Empty> out) {
    coordinator.removePlacementGroup(req.getGroupId(), tenancyOf(req.getSessionId()));
    ok(out);
  }

  @Override
  public void killActor(KillActorRequest req, StreamObserver<Empty> out) {
    coordinator.killActor(req.getActorId(), tenancyOf(req.getSessionId()));
    ok(out);
  }

  @Override
  public void putInline(PutInlineRequest req, StreamObserver<Empty> out) {
    SessionEntry s = coordinator.session(req.getSessionId());
    if (s == null) {
      unknownSession(out, req.getSessionId());
      return;
    }
    if (req.getData().size() > config.inlineLimitBytes()) {
      out.onError(Status.INVALID_ARGUMENT.withDescription("inline object larger than "
          + config.inlineLimitBytes() + " bytes: put it in a node store").asRuntimeException());
      return;
    }
    if (req.getObjectId().isBlank()) {
      out.onError(Status.INVALID_ARGUMENT.withDescription("object id is empty").asRuntimeException());
      return;
    }
    coordinator.putInline(s, req.getObjectId(), req.getData());
    ok(out);
  }

  @Override
  public void placePut(PlacePutRequest req, StreamObserver<PlacePutResponse> out) {
    NodeLink n = coordinator.nodeForPut(req.getSize());
    if (n == null) {
      out.onError(Status.UNAVAILABLE.withDescription("no alive node can store objects").asRuntimeException());
      return;
    }
    out.onNext(PlacePutResponse.newBuilder().setNode(NodeRef.newBuilder().setNodeId(n.nodeId).setAddress(n.address)).build());
    out.onCompleted();
  }

  @Override
  public void getObjects(GetObjectsRequest req, StreamObserver<GetObjectsResponse> out) {
    if (req.getObjectIdsCount() > MAX_IDS) {
      out.onError(Status.INVALID_ARGUMENT.withDescription("at most " + MAX_IDS + " ids per get").asRuntimeException());
      return;
    }
    List<String> ids = List.copyOf(req.getObjectIdsList());
    java.util.Set<String> hidden = coordinator.hidden(tenancyOf(req.getSessionId()), ids);
    List<String> watched = hidden.isEmpty() ? ids : ids.stream().filter(id -> !hidden.contains(id)).toList();
    var waiter = new Waiter(watched, ready -> ready == watched.size(), w -> {
      var r = GetObjectsResponse.newBuilder();
      for (String id : ids) {
        ObjectEntry o = hidden.contains(id) ? null : coordinator.objects.get(id);
        if (o == null) {
          r.addResults(ObjectResults.unknown(id));
        } else if (o.isReady()) {
          r.addResults(ObjectResults.of(o, coordinator.nodes));
        }
      }
      out.onNext(r.build());
      out.onCompleted();
    });
    arm(waiter, req.getTimeoutMs());
  }

  @Override
  public void waitObjects(WaitObjectsRequest req, StreamObserver<WaitObjectsResponse> out) {
    List<String> ids = List.copyOf(req.getObjectIdsList());
    if (req.getNumReturns() < 0 || req.getNumReturns() > ids.size()) {
      out.onError(Status.INVALID_ARGUMENT.withDescription("num_returns must be 0.." + ids.size()).asRuntimeException());
      return;
    }
    int want = req.getNumReturns();
    java.util.Set<String> hidden = coordinator.hidden(tenancyOf(req.getSessionId()), ids);
    List<String> watched = hidden.isEmpty() ? ids : ids.stream().filter(id -> !hidden.contains(id)).toList();
    var waiter = new Waiter(watched, ready -> ready + hidden.size() >= want, w -> {
      List<String> ready = new ArrayList<>();
      for (String id : ids) {
        ObjectEntry o = hidden.contains(id) ? null : coordinator.objects.get(id);
        if (o == null || o.isReady()) {
          ready.add(id);
        }
      }
      out.onNext(WaitObjectsResponse.newBuilder().addAllReady(ready).build());
      out.onCompleted();
    });
    arm(waiter, req.getTimeoutMs());
  }

  private void arm(Waiter waiter, long timeoutMs) {
    if (timeoutMs > 0) {
      waiter.timeout = timers.schedule(() -> coordinator.expire(waiter), timeoutMs, TimeUnit.MILLISECONDS);
    }
    coordinator.await(waiter);
    if (timeoutMs <= 0) {
      coordinator.expire(waiter);
    }
  }

  @Override
  public void addRefs(RefsRequest req, StreamObserver<Empty> out) {
    SessionEntry s = coordinator.session(req.getSessionId());
    if (s == null) {
      unknownSession(out, req.getSessionId());
      return;
    }
    var hidden = coordinator.hidden(s.tenancy, req.getObjectIdsList());
    coordinator.addRefs(s, hidden.isEmpty() ? req.getObjectIdsList()
        : req.getObjectIdsList().stream().filter(id -> !hidden.contains(id)).toList());
    ok(out);
  }

  @Override
  public void releaseRefs(RefsRequest req, StreamObserver<Empty> out) {
    SessionEntry s = coordinator.session(req.getSessionId());
    if (s == null) {
      unknownSession(out, req.getSessionId());
      return;
    }
    coordinator.releaseRefs(s, req.getObjectIdsList());
    ok(out);
  }

  @Override
  public void taskBlocked(TaskBlockedRequest req, StreamObserver<Empty> out) {
    coordinator.taskBlocked(req.getTaskId(), req.getBlocked());
    ok(out);
  }

  @Override
  public void clusterStatus(ClusterStatusRequest req, StreamObserver<ClusterStatusResponse> out) {
    boolean operator = req.getSessionId().isEmpty() && (!edge.required() || edge.presented());
    boolean session = !req.getSessionId().isEmpty() && coordinator.session(req.getSessionId()) != null;
    out.onNext(status.build(tenancyOf(req.getSessionId()), operator, session));
    out.onCompleted();
  }

  @Override
  public void usage(dev.flotilla.protocol.scheduler.v1.UsageRequest req,
      StreamObserver<dev.flotilla.protocol.scheduler.v1.UsageResponse> out) {
    if (edge.required() && !edge.presented()) {
      out.onError(Status.PERMISSION_DENIED.withDescription("usage is read through the api-server").asRuntimeException());
      return;
    }
    List<dev.flotilla.protocol.scheduler.v1.JobUsage> jobs;
    synchronized (coordinator) {
      jobs = coordinator.usage.report(req.getTenant(), req.getWorkspace());
    }
    out.onNext(dev.flotilla.protocol.scheduler.v1.UsageResponse.newBuilder().addAllJobs(jobs).build());
    out.onCompleted();
  }

  /** The tenancy of the calling session; local when there is none. */
  private Tenancy tenancyOf(String sessionId) {
    SessionEntry s = sessionId.isEmpty() ? null : coordinator.session(sessionId);
    return s == null ? Tenancy.LOCAL : s.tenancy;
  }

  private static void ok(StreamObserver<Empty> out) {
    out.onNext(Empty.getDefaultInstance());
    out.onCompleted();
  }

  private static void unknownSession(StreamObserver<?> out, String id) {
    out.onError(Status.NOT_FOUND.withDescription("unknown session " + id + " (closed, or the scheduler restarted)").asRuntimeException());
  }
}
