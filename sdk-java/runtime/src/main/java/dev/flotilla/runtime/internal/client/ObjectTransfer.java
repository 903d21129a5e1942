package dev.flotilla.runtime.internal.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import dev.flotilla.api.FlotillaException;
import dev.flotilla.api.ObjectLostException;
import dev.flotilla.protocol.common.v1.NodeRef;
import dev.flotilla.protocol.common.v1.ObjectLocation;
import dev.flotilla.protocol.worker.v1.DataChunk;
import dev.flotilla.protocol.worker.v1.FetchRequest;
import dev.flotilla.protocol.worker.v1.ObjectStoreServiceGrpc;
import dev.flotilla.protocol.worker.v1.PutChunk;
import dev.flotilla.protocol.worker.v1.PutHeader;
import dev.flotilla.protocol.worker.v1.PutResponse;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Moves large objects between this process and nodes' object stores in chunks: a put streams to
 * the node the scheduler chose; a get streams from a node holding a copy.
 */
final class ObjectTransfer implements AutoCloseable {
  static final int CHUNK_BYTES = 4 << 20;

  /** Names the node a relayed transfer is for (the edge resolves its address itself). */
  static final Metadata.Key<String> NODE = Metadata.Key.of("x-flotilla-node", Metadata.ASCII_STRING_MARSHALLER);
  /** The session a relayed fetch is made in (the edge checks the object is visible to it). */
  static final Metadata.Key<String> SESSION = Metadata.Key.of("x-flotilla-session", Metadata.ASCII_STRING_MARSHALLER);

  private final ConcurrentHashMap<String, ManagedChannel> channels = new ConcurrentHashMap<>();
  private final Channel edge;
  private final String sessionId;

  /** Straight to the nodes (inside the cluster, or a trusted network). */
  ObjectTransfer() {
    this(null, null);
  }

  /**
   * @param edge when connected through a hosted platform's edge: every transfer goes over this
   *     (authenticated) channel, naming the node and session in headers, since the nodes are not
   *     reachable from outside; null to reach nodes directly
   */
  ObjectTransfer(Channel edge, String sessionId) {
    this.edge = edge;
    this.sessionId = sessionId;
  }

  /** Uploads {@code bytes} as object {@code id} to {@code node}; blocks until it is stored. */
  void put(NodeRef node, String sessionId, String id, byte[] bytes) {
    var done = new CompletableFuture<PutResponse>();
    StreamObserver<PutChunk> out =
        ObjectStoreServiceGrpc.newStub(channel(node))
            .put(
                new StreamObserver<>() {
                  @Override
                  public void onNext(PutResponse r) {
                    done.complete(r);
                  }

                  @Override
                  public void onError(Throwable t) {
                    done.completeExceptionally(t);
                  }

                  @Override
                  public void onCompleted() {}
                });
    var header = PutHeader.newBuilder().setObjectId(id).setSessionId(sessionId).setSize(bytes.length);
    for (int off = 0; off < bytes.length || off == 0; off += CHUNK_BYTES) {
      int len = Math.min(CHUNK_BYTES, bytes.length - off);
      var chunk = PutChunk.newBuilder().setData(UnsafeByteOperations.unsafeWrap(bytes, off, len));
      if (off == 0) {
        chunk.setHeader(header);
      }
      out.onNext(chunk.build());
      if (bytes.length == 0) {
        break;
      }
    }
    out.onCompleted();
    FlotillaImpl.join(done);
  }

  /** Downloads a stored object from the first node that answers. Blocks. */
  ByteBuffer fetch(String id, ObjectLocation location) {
    FlotillaException last = null;
    for (NodeRef node : location.getNodesList()) {
      try {
        return fetchFrom(node, id, location.getSize());
      } catch (StatusRuntimeException e) {
        last = new ObjectLostException("Object " + id + " could not be read from node "
            + node.getNodeId() + ": " + e.getStatus());
      }
    }
    throw last != null ? last : new ObjectLostException("Object " + id + " has no copy on any node");
  }

  private ByteBuffer fetchFrom(NodeRef node, String id, long size) {
    Iterator<DataChunk> chunks =
        ObjectStoreServiceGrpc.newBlockingStub(channel(node))
            .fetch(FetchRequest.newBuilder().setObjectId(id).build());
    if (size > Integer.MAX_VALUE - 16) {
      throw new FlotillaException("Object " + id + " is too large for one Java array: " + size);
    }
    ByteBuffer buf = ByteBuffer.allocate((int) size);
    while (chunks.hasNext()) {
      ByteString data = chunks.next().getData();
      data.copyTo(buf);
    }
    return buf.flip();
  }

  private Channel channel(NodeRef node) {
    if (edge != null) {
      Metadata h = new Metadata();
      h.put(NODE, node.getNodeId());
      h.put(SESSION, sessionId);
      return ClientInterceptors.intercept(edge, MetadataUtils.newAttachHeadersInterceptor(h));
    }
    return channels.computeIfAbsent(node.getAddress(), Channels::open);
  }

  @Override
  public void close() {
    channels.values().forEach(Channels::close);
    channels.clear();
  }
}
