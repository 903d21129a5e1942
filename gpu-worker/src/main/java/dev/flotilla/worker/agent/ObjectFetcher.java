package dev.flotilla.worker.agent;

import dev.flotilla.protocol.common.v1.NodeRef;
import dev.flotilla.protocol.common.v1.ObjectLocation;
import dev.flotilla.protocol.scheduler.v1.NodeServiceGrpc;
import dev.flotilla.protocol.scheduler.v1.ObjectSealedRequest;
import dev.flotilla.protocol.worker.v1.DataChunk;
import dev.flotilla.protocol.worker.v1.FetchRequest;
import dev.flotilla.protocol.worker.v1.ObjectStoreServiceGrpc;
import dev.flotilla.runtime.internal.client.Channels;
import dev.flotilla.worker.store.ObjectStore;
import dev.flotilla.worker.store.StoreFullException;
import dev.flotilla.worker.store.StoredObject;
import dev.flotilla.worker.store.WritableObject;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Makes stored objects local: copies one from another node's store by a chunked gRPC stream and
 * tells the scheduler this node now holds a copy. One download per object at a time. Thread-safe.
 */
final class ObjectFetcher implements AutoCloseable {
  private final ObjectStore store;
  private final Supplier<String> nodeId;
  private final NodeServiceGrpc.NodeServiceBlockingStub scheduler;
  private final ConcurrentHashMap<String, ManagedChannel> peers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

  ObjectFetcher(ObjectStore store, Supplier<String> nodeId, NodeServiceGrpc.NodeServiceBlockingStub scheduler) {
    this.store = store;
    this.nodeId = nodeId;
    this.scheduler = scheduler;
  }

  /** The object, pinned; fetched from a peer first if this node has no copy. Call unpin after. */
  StoredObject acquire(String id, ObjectLocation location) throws IOException {
    Optional<StoredObject> local = store.acquire(id);
    if (local.isPresent()) {
      return local.get();
    }
    synchronized (locks.computeIfAbsent(id, k -> new Object())) {
      try {
        local = store.acquire(id);
        if (local.isPresent()) {
          return local.get();
        }
        IOException last = null;
        for (NodeRef peer : location.getNodesList()) {
          if (peer.getNodeId().equals(nodeId.get())) {
            continue;
          }
          try {
            copyFrom(peer, id, location.getSize());
            scheduler.objectSealed(
                ObjectSealedRequest.newBuilder().setNodeId(nodeId.get()).setObjectId(id).setSize(location.getSize()).build());
            return store.acquire(id).orElseThrow(() -> new IOException("object " + id + " vanished after fetch"));
          } catch (IOException | RuntimeException e) {
            last = new IOException("cannot fetch " + id + " from node " + peer.getNodeId() + ": " + e.getMessage(), e);
          }
        }
        throw last != null ? last : new IOException("object " + id + " has no copy on any other node");
      } finally {
        locks.remove(id);
      }
    }
  }

  private void copyFrom(NodeRef peer, String id, long size) throws IOException {
    WritableObject w;
    try {
      w = store.create(id, size);
    } catch (StoreFullException e) {
      throw new IOException(e.getMessage(), e);
    }
    try {
      Iterator<DataChunk> chunks =
          ObjectStoreServiceGrpc.newBlockingStub(peers.computeIfAbsent(peer.getAddress(), Channels::open))
              .fetch(FetchRequest.newBuilder().setObjectId(id).build());
      long offset = 0;
      while (chunks.hasNext()) {
        var data = chunks.next().getData();
        w.write(offset, data.asReadOnlyByteBuffer());
        offset += data.size();
      }
      if (offset != size) {
        throw new IOException("fetched " + offset + " bytes of " + id + ", expected " + size);
      }
      w.seal();
    } catch (IOException | RuntimeException e) {
      w.abort();
      throw e;
    }
  }

  @Override
  public void close() {
    peers.values().forEach(Channels::close);
  }
}
