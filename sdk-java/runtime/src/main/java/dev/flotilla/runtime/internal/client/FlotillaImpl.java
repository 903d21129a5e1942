package dev.flotilla.runtime.internal.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import dev.flotilla.api.Flotilla;
import dev.flotilla.api.FlotillaException;
import dev.flotilla.api.GetTimeoutException;
import dev.flotilla.api.ObjectRef;
import dev.flotilla.api.TaskCall;
import dev.flotilla.api.WaitResult;
import dev.flotilla.protocol.scheduler.v1.CloseSessionRequest;
import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import dev.flotilla.protocol.scheduler.v1.GetObjectsRequest;
import dev.flotilla.protocol.scheduler.v1.ObjectResult;
import dev.flotilla.protocol.scheduler.v1.OpenSessionRequest;
import dev.flotilla.protocol.scheduler.v1.OpenSessionResponse;
import dev.flotilla.protocol.scheduler.v1.PlacePutRequest;
import dev.flotilla.protocol.scheduler.v1.PutInlineRequest;
import dev.flotilla.protocol.scheduler.v1.TaskBlockedRequest;
import dev.flotilla.protocol.scheduler.v1.TaskSpec;
import dev.flotilla.protocol.scheduler.v1.WaitObjectsRequest;
import dev.flotilla.runtime.internal.serialization.ValueSerializer;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A connection to the scheduler: one session of a job. Thread-safe; blocking methods block only
 * the calling thread.
 */
public final class FlotillaImpl implements Flotilla {
  /** A get without timeout waits in windows of this length, so no single call hangs forever. */
  private static final long LONG_POLL_MS = 30_000;

  private final ClusterAddress address;
  private final SessionContext context;
  private final ManagedChannel channel;
  private final DriverServiceGrpc.DriverServiceBlockingStub blocking;
  private final DriverServiceGrpc.DriverServiceFutureStub async;
  private final String jobId;
  private final String sessionId;
  private final long inlineLimit;
  private final ValueSerializer serializer;
  private final BytesCache cache = new BytesCache(64L << 20);
  private final ObjectTransfer transfer;
  private final RefReleaser releaser;
  private volatile boolean closed;
  private final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicLong> callSequences =
      new java.util.concurrent.ConcurrentHashMap<>();
  /** What to re-send if the scheduler restarts. */
  private final Journal journal = new Journal();
  /** The lifeline, and the gate calls wait at while the scheduler is away. */
  private final Reconnector link;

  private FlotillaImpl(
      ClusterAddress address, SessionContext context, ManagedChannel channel, OpenSessionResponse s, boolean viaEdge) {
    this.address = address;
    this.transfer = viaEdge ? new ObjectTransfer(channel, s.getSessionId()) : new ObjectTransfer();
    this.context = context;
    this.channel = channel;
    this.blocking = DriverServiceGrpc.newBlockingStub(channel);
    this.async = DriverServiceGrpc.newFutureStub(channel);
    this.jobId = s.getJobId();
    this.sessionId = s.getSessionId();
    this.inlineLimit = s.getInlineLimitBytes();
    this.serializer = new ValueSerializer(context.loader(), context.strictTypes());
    this.releaser = new RefReleaser(blocking, sessionId, journal);
    this.link = new Reconnector(channel, sessionId, address, Reconnector.windowFromEnvironment(), s.getSchedulerEpoch(),
        new Resender(journal, blocking, sessionId, cache, callSequences));
    link.start();
  }

  /** Opens a session; blocks up to 10 s. */
  public static FlotillaImpl open(ClusterAddress address, SessionContext context) {
    return open(address, context, null);
  }

  /**
   * Opens a session for a tenant's workspace, as the authenticated edge does (it holds the
   * scheduler's edge secret); {@code edge} null opens a local session.
   */
  public static FlotillaImpl open(ClusterAddress address, SessionContext context, EdgeSession edge) {
    return open(address, context, edge, null);
  }

  /**
   * @param credentials an API token (and the workspace it must belong to), sent on every call to
   *     a hosted platform's edge, or null
   */
  static FlotillaImpl open(ClusterAddress address, SessionContext context, EdgeSession edge, Channels.Credentials credentials) {
    ManagedChannel channel = Channels.open(address, credentials);
    try {
      var req = OpenSessionRequest.newBuilder().setClientName(context.clientName());
      if (context.jobId() != null) {
        req.setJobId(context.jobId());
      }
      var stub = DriverServiceGrpc.newBlockingStub(channel);
      if (edge != null) {
        req.setTenant(edge.tenant()).setWorkspace(edge.workspace())
            .putAllWorkspaceLimits(edge.workspaceLimits()).putAllTenantLimits(edge.tenantLimits());
        if (edge.gpuSecondsLeft() != null) {
          req.setHasGpuBudget(true).setGpuSecondsLeft(edge.gpuSecondsLeft());
        }
        var headers = new io.grpc.Metadata();
        headers.put(EdgeSession.HEADER, edge.secret());
        stub = stub.withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(headers));
      }
      OpenSessionResponse s =
          stub
              .withWaitForReady()
              .withDeadlineAfter(10, TimeUnit.SECONDS)
              .openSession(req.build());
      var client = new FlotillaImpl(address, context, channel, s, credentials != null);
      Ambient.opened(client);
      return client;
    } catch (StatusRuntimeException e) {
      Channels.close(channel);
      throw RemoteErrors.fromStatus(e, address);
    }
  }

  @Override
  public <R> TaskCall<R> taskOf(Serializable fn, Object... args) {
    ensureOpen();
    return new TaskCallImpl<>(this, fn, args == null ? new Object[0] : args.clone());
  }

  @Override
  public <A> dev.flotilla.api.ActorCreator<A> actorOf(Serializable constructor, Object... args) {
    ensureOpen();
    return new ActorCreatorImpl<>(this, constructor, args == null ? new Object[0] : args.clone());
  }

  /** Creates an actor; blocks until the scheduler accepted it (the name is checked then). */
  <A> dev.flotilla.api.ActorHandle<A> createActor(dev.flotilla.protocol.scheduler.v1.ActorSpec.Builder spec) {
    spec.setJobId(jobId).setSessionId(sessionId).addAllCodePackage(codePackage());
    var built = spec.build();
    try {
      link.call(() -> blocking.createActor(built));
    } catch (StatusRuntimeException e) {
      throw RemoteErrors.fromStatus(e, address);
    }
    journal.add(new Journal.Actor(built, CompletableFuture.completedFuture(null)));
    String name = spec.getName().isEmpty() ? null : spec.getName();
    return new ActorHandleImpl<>(spec.getActorId(), name, this);
  }

  /** Sends an actor call; like {@link #submit} the ref completes its creation on the ack. */
  <R> ObjectRef<R> callActor(dev.flotilla.protocol.scheduler.v1.ActorCallSpec.Builder spec) {
    spec.setSessionId(sessionId);
    var seq = callSequences.computeIfAbsent(spec.getActorId(), k -> new java.util.concurrent.atomic.AtomicLong());
    link.await();
    // Numbered and sent under one lock, so numbers follow the order calls are made in.
    synchronized (seq) {
      var built = spec.setSequence(seq.getAndIncrement()).build();
      var created = new CompletableFuture<Void>();
      return sendJournaled(new Journal.Call(built, created), () -> async.submitActorCall(built));
    }
  }

  /**
   * Journals a submission, sends it, and returns its ref; the ref's creation completes on the ack
   * (or, if the scheduler is away, once the reconnection has re-sent it).
   */
  private <R> ObjectRef<R> sendJournaled(Journal.Entry entry,
      java.util.function.Supplier<com.google.common.util.concurrent.ListenableFuture<?>> send) {
    journal.add(entry);
    long gen = link.generation();
    var future = send.get();
    future.addListener(() -> complete(future, entry.created(), entry.id(), gen), Runnable::run);
    var ref = new ObjectRefImpl<R>(entry.id(), this, entry.created());
    releaser.track(ref, entry.id());
    return ref;
  }

  /**
   * An asynchronous submission answered. Unreachable scheduler: the journal entry stays and the
   * reconnection re-sends it (and then completes {@code created}); refused: the ref fails.
   */
  private void complete(java.util.concurrent.Future<?> future, CompletableFuture<Void> created, String id, long gen) {
    try {
      future.get();
      created.complete(null);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StatusRuntimeException s && Reconnector.unreachable(s) && !closed) {
        link.lost(gen);
        return;
      }
      journal.remove(id);
      created.completeExceptionally(wrap(e.getCause()));
    } catch (InterruptedException e) {
      created.completeExceptionally(e);
    }
  }

  /** The code package's blob hashes, uploading what the cluster lacks. */
  private List<String> codePackage() {
    try {
      return link.call(() -> CodePackageExtension.append(context.codePackage().hashes(blocking), blocking));
    } catch (StatusRuntimeException e) {
      throw RemoteErrors.fromStatus(e, address);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <A> java.util.Optional<dev.flotilla.api.ActorHandle<A>> getActor(String name, String namespace) {
    ensureOpen();
    if (name == null || name.isBlank() || namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException("actor name and namespace must not be blank");
    }
    try {
      var r = link.call(() -> blocking.getActor(dev.flotilla.protocol.scheduler.v1.GetActorRequest.newBuilder()
          .setName(name).setNamespace(namespace).setSessionId(sessionId).build()));
      return r.getFound()
          ? java.util.Optional.of(new ActorHandleImpl<>(r.getActorId(), name, this))
          : java.util.Optional.empty();
    } catch (StatusRuntimeException e) {
      throw RemoteErrors.fromStatus(e, address);
    }
  }

  @Override
  public void kill(dev.flotilla.api.ActorHandle<?> actor) {
    ensureOpen();
    java.util.Objects.requireNonNull(actor, "actor");
    try {
      link.call(() -> blocking.killActor(dev.flotilla.protocol.scheduler.v1.KillActorRequest.newBuilder()
          .setActorId(actor.actorId()).setNoRestart(true).setSessionId(sessionId).build()));
      journal.remove(actor.actorId());
    } catch (StatusRuntimeException e) {
      throw RemoteErrors.fromStatus(e, address);
    }
  }

  @Override
  public dev.flotilla.api.PlacementGroup placementGroup(
      List<dev.flotilla.api.Bundle> bundles, dev.flotilla.api.PlacementStrategy strategy) {
    ensureOpen();
    if (bundles == null || bundles.isEmpty()) {
      throw new IllegalArgumentException("a placement group needs at least one bundle");
    }
    java.util.Objects.requireNonNull(strategy, "strategy");
    var spec = dev.flotilla.protocol.scheduler.v1.PlacementGroupSpec.newBuilder()
        .setGroupId(Ids.group())
        .setSessionId(sessionId)
        .setStrategy(dev.flotilla.protocol.scheduler.v1.PlacementGroupSpec.Strategy.valueOf(strategy.name()));
    for (var b : bundles) {
      spec.addBundles(dev.flotilla.protocol.common.v1.ResourceSet.newBuilder().putAllAmounts(b.resources()));
    }
    var built = spec.build();
    try {
      link.call(() -> blocking.createPlacementGroup(built));
    } catch (StatusRuntimeException e) {
      throw RemoteErrors.fromStatus(e, address);
    }
    journal.add(new Journal.Group(built, CompletableFuture.completedFuture(null)));
    return new PlacementGroupImpl(spec.getGroupId(), bundles, strategy, this);
  }

  @Override
  public void removePlacementGroup(dev.flotilla.api.PlacementGroup group) {
    ensureOpen();
    java.util.Objects.requireNonNull(group, "group");
    try {
      link.call(() -> blocking.removePlacementGroup(dev.flotilla.protocol.scheduler.v1.RemovePlacementGroupRequest
          .newBuilder().setGroupId(group.id()).setSessionId(sessionId).build()));
      journal.remove(group.id());
    } catch (StatusRuntimeException e) {
      throw RemoteErrors.fromStatus(e, address);
    }
  }

  /** Sends a built task; the returned ref completes its creation when the scheduler acks. */
  <R> ObjectRef<R> submit(TaskSpec.Builder spec) {
    spec.setJobId(jobId).setSessionId(sessionId).addAllCodePackage(codePackage());
    String parent = context.currentTask().get();
    if (parent != null) {
      spec.setParentTaskId(parent);
    }
    var built = spec.build();
    link.await();
    return sendJournaled(new Journal.Task(built, new CompletableFuture<>()), () -> async.submitTask(built));
  }

  ValueSerializer serializer() {
    return serializer;
  }

  long inlineLimit() {
    return inlineLimit;
  }

  @Override
  public <T> ObjectRef<T> put(T value) {
    ensureOpen();
    byte[] bytes = serializer.serialize(value);
    return putBytes(bytes);
  }

  /** Stores already-serialized bytes; used for large task arguments too. */
  <T> ObjectRef<T> putBytes(byte[] bytes) {
    String id = Ids.object();
    try {
      if (bytes.length <= inlineLimit) {
        link.call(() -> blocking.putInline(
            PutInlineRequest.newBuilder()
                .setSessionId(sessionId)
                .setObjectId(id)
                .setData(UnsafeByteOperations.unsafeWrap(bytes))
                .build()));
        cache.put(id, bytes);
        journal.add(new Journal.InlinePut(id, bytes, CompletableFuture.completedFuture(null)));
      } else {
        link.call(() -> {
          var node = blocking.placePut(
              PlacePutRequest.newBuilder().setSessionId(sessionId).setSize(bytes.length).build());
          transfer.put(node.getNode(), sessionId, id, bytes);
          return node;
        });
        journal.add(new Journal.StoredPut(id, CompletableFuture.completedFuture(null)));
      }
    } catch (StatusRuntimeException e) {
      throw RemoteErrors.fromStatus(e, address);
    }
    var ref = new ObjectRefImpl<T>(id, this, null);
    releaser.track(ref, id);
    return ref;
  }

  @Override
  public <T> List<T> get(List<ObjectRef<T>> refs) {
    return getAll(refs, null);
  }

  @Override
  public <T> List<T> get(List<ObjectRef<T>> refs, Duration timeout) {
    return getAll(refs, java.util.Objects.requireNonNull(timeout, "timeout"));
  }

  <T> T getOne(ObjectRef<T> ref, Duration timeout) {
    return getAll(List.of(ref), timeout).getFirst();
  }

  @SuppressWarnings("unchecked")
  private <T> List<T> getAll(List<ObjectRef<T>> refs, Duration timeout) {
    ensureOpen();
    List<String> ids = new ArrayList<>(refs.size());
    for (ObjectRef<T> r : refs) {
      if (r instanceof ObjectRefImpl<T> impl) {
        impl.awaitCreated();
      }
      ids.add(r.id());
    }
    Map<String, Object> values = fetch(ids, timeout);
    List<T> out = new ArrayList<>(ids.size());
    for (String id : ids) {
      out.add((T) values.get(id));
    }
    return out;
  }

  private Map<String, Object> fetch(List<String> ids, Duration timeout) {
    Map<String, Object> values = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (String id : new HashSet<>(ids)) {
      byte[] cached = cache.get(id);
      if (cached != null) {
        values.put(id, serializer.deserialize(cached));
      } else {
        missing.add(id);
      }
    }
    if (missing.isEmpty()) {
      return values;
    }
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    String task = context.currentTask().get();
    boolean blocked = false;
    try {
      while (!missing.isEmpty()) {
        long leftMs = timeout == null ? LONG_POLL_MS : Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
        if (task != null && !blocked) {
          leftMs = 0; // probe first: only a task that must really wait gives its CPU back
        }
        List<ObjectResult> ready = getObjects(missing, Math.min(leftMs, LONG_POLL_MS));
        for (ObjectResult r : ready) {
          values.put(r.getObjectId(), decode(r));
          missing.remove(r.getObjectId());
        }
        if (missing.isEmpty()) {
          break;
        }
        if (task != null && !blocked) {
          setBlocked(task, true);
          blocked = true;
        } else if (timeout != null && System.nanoTime() >= deadline) {
          throw new GetTimeoutException(
              missing.size() + " of " + ids.size() + " objects not ready after " + timeout
                  + " (first: " + missing.getFirst() + ")");
        }
      }
    } finally {
      if (blocked) {
        setBlocked(task, false);
      }
    }
    return values;
  }

  private List<ObjectResult> getObjects(List<String> ids, long timeoutMs) {
    try {
      return link.call(() -> blocking
          .withDeadlineAfter(timeoutMs + 30_000, TimeUnit.MILLISECONDS)
          .getObjects(
              GetObjectsRequest.newBuilder()
                  .addAllObjectIds(ids)
                  .setTimeoutMs(timeoutMs)
                  .setSessionId(sessionId)
                  .build())
          .getResultsList());
    } catch (StatusRuntimeException e) {
      throw RemoteErrors.fromStatus(e, address);
    }
  }

  private Object decode(ObjectResult r) {
    return switch (r.getValueCase()) {
      case INLINE_DATA -> {
        byte[] bytes = r.getInlineData().toByteArray();
        if (bytes.length == 0) {
          yield null; // a marker object (actor or placement group ready), not a serialized value
        }
        cache.put(r.getObjectId(), bytes);
        yield serializer.deserialize(bytes);
      }
      case LOCATION -> {
        ByteBuffer buf =
            context.localObjects() != null
                ? context.localObjects().map(r.getObjectId(), r.getLocation())
                : transfer.fetch(r.getObjectId(), r.getLocation());
        yield serializer.deserialize(buf);
      }
      case ERROR -> throw RemoteErrors.fromErrorInfo(r.getObjectId(), r.getError());
      case VALUE_NOT_SET -> throw new FlotillaException("Empty result for " + r.getObjectId());
    };
  }

  private void setBlocked(String task, boolean blocked) {
    try {
      link.call(() -> blocking.taskBlocked(TaskBlockedRequest.newBuilder().setTaskId(task).setBlocked(blocked).build()));
    } catch (StatusRuntimeException e) {
      throw RemoteErrors.fromStatus(e, address);
    }
  }

  @Override
  public <T> WaitResult<T> wait(List<ObjectRef<T>> refs, int numReturns, Duration timeout) {
    ensureOpen();
    if (numReturns < 0 || numReturns > refs.size()) {
      throw new IllegalArgumentException(
          "numReturns must be between 0 and " + refs.size() + ", got " + numReturns);
    }
    java.util.Objects.requireNonNull(timeout, "timeout");
    List<String> ids = new ArrayList<>();
    for (ObjectRef<T> r : refs) {
      if (r instanceof ObjectRefImpl<T> impl) {
        impl.awaitCreated();
      }
      ids.add(r.id());
    }
    List<String> readyIds;
    try {
      readyIds =
          link.call(() -> blocking
              .withDeadlineAfter(timeout.toMillis() + 30_000, TimeUnit.MILLISECONDS)
              .waitObjects(
                  WaitObjectsRequest.newBuilder()
                      .addAllObjectIds(ids)
                      .setNumReturns(numReturns)
                      .setTimeoutMs(timeout.toMillis())
                      .setSessionId(sessionId)
                      .build())
              .getReadyList());
    } catch (StatusRuntimeException e) {
      throw RemoteErrors.fromStatus(e, address);
    }
    var readySet = new HashSet<>(readyIds);
    List<ObjectRef<T>> ready = new ArrayList<>();
    List<ObjectRef<T>> notReady = new ArrayList<>();
    for (ObjectRef<T> r : refs) {
      (readySet.contains(r.id()) && ready.size() < Math.max(numReturns, 1) ? ready : notReady).add(r);
    }
    return new WaitResult<>(ready, notReady);
  }

  @Override
  public String jobId() {
    return jobId;
  }

  public String sessionId() {
    return sessionId;
  }

  public ClusterAddress address() {
    return address;
  }

  DriverServiceGrpc.DriverServiceBlockingStub blockingStub() {
    return blocking;
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Ambient.closed(this);
    releaser.close();
    try {
      blocking
          .withDeadlineAfter(5, TimeUnit.SECONDS)
          .closeSession(CloseSessionRequest.newBuilder().setSessionId(sessionId).build());
    } catch (StatusRuntimeException e) {
      // The cluster is gone; it drops the session when it notices.
    }
    link.close();
    transfer.close();
    Channels.close(channel);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("This Flotilla connection is closed");
    }
  }

  private FlotillaException wrap(Throwable t) {
    if (t instanceof StatusRuntimeException s) {
      return RemoteErrors.fromStatus(s, address);
    }
    return t instanceof FlotillaException f ? f : new FlotillaException(String.valueOf(t), t);
  }

  static void join(CompletableFuture<?> f) {
    try {
      f.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof StatusRuntimeException s) {
        throw new FlotillaException("Cluster call failed: " + s.getStatus(), s);
      }
      throw c instanceof RuntimeException r ? r : new FlotillaException(String.valueOf(c), c);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlotillaException("Interrupted while waiting for the cluster", e);
    }
  }

  static ByteString bytes(byte[] b) {
    return UnsafeByteOperations.unsafeWrap(b);
  }
}
