package dev.flotilla.worker.agent;

import dev.flotilla.protocol.worker.v1.EnsureLocalRequest;
import dev.flotilla.protocol.worker.v1.EnsureLocalResponse;
import dev.flotilla.protocol.worker.v1.ExecutorMessage;
import dev.flotilla.protocol.worker.v1.ExecutorServiceGrpc;
import dev.flotilla.protocol.worker.v1.StoredFile;
import dev.flotilla.protocol.worker.v1.WorkerMessage;
import dev.flotilla.worker.store.ObjectStore;
import dev.flotilla.worker.store.StoredObject;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;

/** What executors on this node call: their task stream, and making objects local. */
final class ExecutorServiceImpl extends ExecutorServiceGrpc.ExecutorServiceImplBase {
  private final ExecutorPool pool;
  private final TaskDispatcher dispatcher;
  private final ObjectFetcher fetcher;
  private final ObjectStore store;
  private final TenantUsers users;

  ExecutorServiceImpl(ExecutorPool pool, TaskDispatcher dispatcher, ObjectFetcher fetcher, ObjectStore store,
      TenantUsers users) {
    this.users = users;
    this.pool = pool;
    this.dispatcher = dispatcher;
    this.fetcher = fetcher;
    this.store = store;
  }

  @Override
  public StreamObserver<ExecutorMessage> connect(StreamObserver<WorkerMessage> out) {
    return new StreamObserver<>() {
      private ExecutorProcess executor;

      @Override
      public void onNext(ExecutorMessage m) {
        if (m.hasHello()) {
          executor = pool.connected(m.getHello().getExecutorId(), m.getHello().getSecret(), out);
          if (executor == null) {
            out.onError(Status.PERMISSION_DENIED.withDescription("unknown executor " + m.getHello().getExecutorId()
                + ", or not its secret").asRuntimeException());
          }
        } else if (m.hasDone() && executor != null) {
          dispatcher.done(executor, m.getDone());
        }
      }

      @Override
      public void onError(Throwable t) {
        // The process exit handler reports its tasks.
      }

      @Override
      public void onCompleted() {
        out.onCompleted();
      }
    };
  }

  @Override
  public void ensureLocal(EnsureLocalRequest req, StreamObserver<EnsureLocalResponse> out) {
    ExecutorProcess asking = pool.authenticated(req.getExecutorId(), req.getExecutorSecret());
    if (users.switching() && asking == null) {
      out.onError(Status.PERMISSION_DENIED.withDescription("unknown executor '" + req.getExecutorId()
          + "', or not its secret").asRuntimeException());
      return;
    }
    try {
      StoredObject o = fetcher.acquire(req.getObjectId(), req.getLocation());
      try {
        users.grant(o.path(), asking == null ? null : asking.user);
      } finally {
        // Pinned only while we answer: the executor maps the file; a later spill moves, not truncates, it.
        store.unpin(o.objectId());
      }
      out.onNext(EnsureLocalResponse.newBuilder()
          .setFile(StoredFile.newBuilder().setObjectId(o.objectId()).setPath(o.path().toString()).setSize(o.size()))
          .build());
      out.onCompleted();
    } catch (java.nio.file.AccessDeniedException e) {
      out.onError(Status.PERMISSION_DENIED.withDescription("object " + req.getObjectId() + ": " + e.getReason())
          .asRuntimeException());
    } catch (IOException e) {
      out.onError(Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException());
    }
  }
}
