package dev.flotilla.apiserver.edge;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusRequest;
import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import dev.flotilla.protocol.scheduler.v1.GetObjectsRequest;
import dev.flotilla.protocol.scheduler.v1.ObjectResult;
import dev.flotilla.protocol.worker.v1.FetchRequest;
import dev.flotilla.protocol.worker.v1.ObjectStoreServiceGrpc;
import dev.flotilla.protocol.worker.v1.PutChunk;
import dev.flotilla.runtime.internal.client.Channels;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Large objects through the edge: the gpu-workers' object store ({@code ObjectStoreService}) is
 * not reachable from outside the cluster, so an SDK connected with an API token sends its puts and
 * fetches here, naming the node ({@code x-flotilla-node}) and its session ({@code
 * x-flotilla-session}). The edge resolves the node's address itself (from the scheduler's node
 * list, never from the client), lets a put name only a session of the caller's workspace, and lets
 * a fetch read only an object the scheduler shows that session, from a node that holds it. Bytes
 * are relayed unread. Thread-safe.
 */
final class ObjectRelay {
  private static final Metadata.Key<String> NODE = Metadata.Key.of("x-flotilla-node", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> SESSION = Metadata.Key.of("x-flotilla-session", Metadata.ASCII_STRING_MARSHALLER);

  private final DriverServiceGrpc.DriverServiceBlockingStub scheduler;
  private final EdgeSessions sessions;
  private final Function<ServerCall<?, ?>, EdgeGrant> grantOf;
  private final Map<String, ManagedChannel> nodes = new ConcurrentHashMap<>();
  private final Map<String, String> addresses = new ConcurrentHashMap<>();
  private final AtomicLong bytes = new AtomicLong();

  ObjectRelay(DriverServiceGrpc.DriverServiceBlockingStub scheduler, EdgeSessions sessions,
      Function<ServerCall<?, ?>, EdgeGrant> grantOf) {
    this.scheduler = scheduler;
    this.sessions = sessions;
    this.grantOf = grantOf;
  }

  /** Bytes relayed so far, both directions (object data and framing). */
  long bytesRelayed() {
    return bytes.get();
  }

  ServerServiceDefinition definition() {
    var service = ObjectStoreServiceGrpc.getServiceDescriptor();
    var builder = ServerServiceDefinition.builder(service.getName());
    for (MethodDescriptor<?, ?> m : service.getMethods()) {
      MethodDescriptor<byte[], byte[]> raw = m.toBuilder(EdgeServer.Bytes.INSTANCE, EdgeServer.Bytes.INSTANCE).build();
      boolean put = m.getBareMethodName().equals("Put");
      builder.addMethod(raw, (call, headers) -> {
        EdgeGrant grant = grantOf.apply(call);
        String node = headers.get(NODE);
        String session = headers.get(SESSION);
        ManagedChannel channel = node == null ? null : channel(node);
        if (channel == null || session == null || !sessions.mayUse(session, grant)) {
          call.close(Status.NOT_FOUND.withDescription(channel == null
              ? "unknown node " + node + " (x-flotilla-node)" : "unknown session " + session + " (x-flotilla-session)"),
              new Metadata());
          return new ServerCall.Listener<>() {};
        }
        return new ForwardedCall(call, channel, raw, new Metadata(), put ? putGate(session) : fetchGate(session, node));
      });
    }
    return builder.build();
  }

  /** A put's header must name the session the call was made in; its chunks go on unread. */
  private ForwardedCall.Gate putGate(String session) {
    return new ForwardedCall.Gate() {
      private boolean first = true;

      @Override
      public byte[] request(byte[] message) throws ForwardedCall.Refused {
        if (first) {
          first = false;
          PutChunk c = parse(() -> PutChunk.parseFrom(message));
          if (!c.hasHeader() || !c.getHeader().getSessionId().equals(session)) {
            throw new ForwardedCall.Refused(Status.PERMISSION_DENIED.withDescription(
                "a put's first chunk names the session of x-flotilla-session"));
          }
        }
        bytes.addAndGet(message.length);
        return message;
      }
    };
  }

  /** A fetch reads only what the scheduler shows the session, from a node the scheduler says holds it. */
  private ForwardedCall.Gate fetchGate(String session, String node) {
    return new ForwardedCall.Gate() {
      @Override
      public byte[] request(byte[] message) throws ForwardedCall.Refused {
        FetchRequest f = parse(() -> FetchRequest.parseFrom(message));
        ObjectResult r;
        try {
          r = scheduler.withDeadlineAfter(30, TimeUnit.SECONDS).getObjects(GetObjectsRequest.newBuilder()
              .addObjectIds(f.getObjectId()).setTimeoutMs(0).setSessionId(session).build())
              .getResultsList().stream().findFirst().orElse(null);
        } catch (StatusRuntimeException e) {
          throw new ForwardedCall.Refused(e.getStatus().getCode() == Status.Code.UNAVAILABLE ? e.getStatus()
              : Status.NOT_FOUND.withDescription("object " + f.getObjectId() + " is not visible to this session"));
        }
        boolean held = r != null && r.hasLocation()
            && r.getLocation().getNodesList().stream().anyMatch(n -> n.getNodeId().equals(node));
        if (!held) {
          throw new ForwardedCall.Refused(Status.NOT_FOUND.withDescription(
              "object " + f.getObjectId() + " is not stored on node " + node + " for this session"));
        }
        return message;
      }

      @Override
      public void response(byte[] message) {
        bytes.addAndGet(message.length);
      }
    };
  }

  private interface Parse<T> {
    T get() throws InvalidProtocolBufferException;
  }

  private static <T> T parse(Parse<T> p) throws ForwardedCall.Refused {
    try {
      return p.get();
    } catch (InvalidProtocolBufferException e) {
      throw new ForwardedCall.Refused(Status.INVALID_ARGUMENT.withDescription("malformed request: " + e.getMessage()));
    }
  }

  /** The node's channel, its address from the scheduler's node list (refreshed on a miss); null if unknown. */
  private ManagedChannel channel(String nodeId) {
    if (!addresses.containsKey(nodeId)) {
      try {
        scheduler.withDeadlineAfter(10, TimeUnit.SECONDS).clusterStatus(ClusterStatusRequest.getDefaultInstance())
            .getNodesList().forEach(n -> addresses.put(n.getNodeId(), n.getAddress()));
      } catch (StatusRuntimeException e) {
        return null;
      }
    }
    String address = addresses.get(nodeId);
    return address == null ? null : nodes.computeIfAbsent(address, Channels::open);
  }

  void close() {
    nodes.values().forEach(Channels::close);
  }
}
