package dev.flotilla.worker.agent;

import com.google.protobuf.ByteString;
import dev.flotilla.protocol.scheduler.v1.NodeServiceGrpc;
import dev.flotilla.protocol.scheduler.v1.ObjectSealedRequest;
import dev.flotilla.protocol.worker.v1.DataChunk;
import dev.flotilla.protocol.worker.v1.FetchRequest;
import dev.flotilla.protocol.worker.v1.ObjectStoreServiceGrpc;
import dev.flotilla.protocol.worker.v1.PutChunk;
import dev.flotilla.protocol.worker.v1.PutResponse;
import dev.flotilla.worker.store.ObjectStore;
import dev.flotilla.worker.store.StoreFullException;
import dev.flotilla.worker.store.WritableObject;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/** The node's object store over gRPC: drivers put large objects here; peers and drivers fetch. */
final class ObjectStoreServiceImpl extends ObjectStoreServiceGrpc.ObjectStoreServiceImplBase {
  static final int CHUNK_BYTES = 4 << 20;

  private final ObjectStore store;
  private final NodeServiceGrpc.NodeServiceBlockingStub scheduler;
  private final Supplier<String> nodeId;

  ObjectStoreServiceImpl(ObjectStore store, NodeServiceGrpc.NodeServiceBlockingStub scheduler, Supplier<String> nodeId) {
    this.store = store;
    this.scheduler = scheduler;
    this.nodeId = nodeId;
  }

  @Override
  public StreamObserver<PutChunk> put(StreamObserver<PutResponse> out) {
    return new StreamObserver<>() {
      private WritableObject target;
      private String session;
      private long offset;
      private boolean failed;

      @Override
      public void onNext(PutChunk c) {
        if (failed) {
          return;
        }
        try {
          if (target == null) {
            if (!c.hasHeader() || c.getHeader().getObjectId().isBlank() || c.getHeader().getSize() < 0) {
              throw new IllegalArgumentException("the first chunk of a put must carry a header with id and size");
            }
            target = store.create(c.getHeader().getObjectId(), c.getHeader().getSize());
            session = c.getHeader().getSessionId();
          }
          if (offset + c.getData().size() > target.size()) {
            throw new IllegalArgumentException("put sends more bytes than its header's size " + target.size());
          }
          target.write(offset, c.getData().asReadOnlyByteBuffer());
          offset += c.getData().size();
        } catch (StoreFullException e) {
          fail(Status.RESOURCE_EXHAUSTED.withDescription(e.getMessage()));
        } catch (IllegalArgumentException | IllegalStateException e) {
          fail(Status.INVALID_ARGUMENT.withDescription(e.getMessage()));
        }
      }

      private void fail(Status s) {
        failed = true;
        if (target != null) {
          target.abort();
        }
        out.onError(s.asRuntimeException());
      }

      @Override
      public void onError(Throwable t) {
        if (target != null && !failed) {
          target.abort();
        }
      }

      @Override
      public void onCompleted() {
        if (failed) {
          return;
        }
        if (target == null || offset != target.size()) {
          fail(Status.INVALID_ARGUMENT.withDescription("put ended after " + offset + " bytes, header said "
              + (target == null ? "nothing" : target.size())));
          return;
        }
        var obj = target.seal();
        scheduler.objectSealed(ObjectSealedRequest.newBuilder().setNodeId(nodeId.get())
            .setObjectId(obj.objectId()).setSize(obj.size()).setSessionId(session).build());
        out.onNext(PutResponse.newBuilder().setObjectId(obj.objectId()).build());
        out.onCompleted();
      }
    };
  }

  @Override
  public void fetch(FetchRequest req, StreamObserver<DataChunk> out) {
    try {
      store.readChunks(req.getObjectId(), CHUNK_BYTES, (offset, chunk, total) -> {
        var d = DataChunk.newBuilder().setData(ByteString.copyFrom(chunk));
        if (offset == 0) {
          d.setTotalSize(total);
        }
        out.onNext(d.build());
      });
      out.onCompleted();
    } catch (NoSuchElementException e) {
      out.onError(Status.NOT_FOUND.withDescription("no object " + req.getObjectId() + " on this node").asRuntimeException());
    } catch (IOException e) {
      out.onError(Status.INTERNAL.withDescription("cannot read " + req.getObjectId() + ": " + e.getMessage()).asRuntimeException());
    }
  }
}
