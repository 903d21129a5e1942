package dev.flotilla.apiserver.edge;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import dev.flotilla.apiserver.launch.CallbackService;
import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import dev.flotilla.protocol.scheduler.v1.OpenSessionRequest;
import dev.flotilla.protocol.scheduler.v1.OpenSessionResponse;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Channel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The SDK's way in: a gRPC endpoint speaking the scheduler's driver protocol. Every call must
 * carry a valid API token ({@code authorization: Bearer flt_…}); the edge opens sessions for the
 * token's tenant and workspace (stamping them, their quotas and GPU budget, and presenting the
 * scheduler's edge secret), lets a call name only sessions opened with a token of the same
 * workspace, and relays everything else unchanged — the scheduler itself keeps tenants' objects,
 * actors and names apart. The same port serves every {@link CallbackService} (launched platform
 * code calling back, authenticated by its own secret). Started when {@code
 * flotilla.edge.scheduler-address} is set.
 */
@ApplicationScoped
public class EdgeServer {
  private static final Logger LOG = Logger.getLogger(EdgeServer.class);
  private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> WORKSPACE = Metadata.Key.of("x-flotilla-workspace", Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<EdgeGrant> GRANT = Context.key("flotilla-edge-grant");

  private final EdgeConfig config;
  private final EdgeAuthenticator authenticator;
  private final EdgeSessions sessions;
  private final Instance<CallbackService> callbacks;
  private final SchedulerLink link;
  private Channel scheduler;
  private ObjectRelay objects;
  private Server server;

  EdgeServer(EdgeConfig config, EdgeAuthenticator authenticator, java.time.InstantSource clock,
      Instance<CallbackService> callbacks, SchedulerLink link) {
    this.config = config;
    this.link = link;
    this.callbacks = callbacks;
    this.authenticator = authenticator;
    this.sessions = new EdgeSessions(clock);
  }

  void start(@Observes StartupEvent e) {
    Optional<String> address = config.schedulerAddress().filter(a -> !a.isBlank());
    if (address.isEmpty()) {
      LOG.info("SDK edge off: flotilla.edge.scheduler-address (FLOTILLA_EDGE_SCHEDULER_ADDRESS) is not set");
      return;
    }
    if (config.secret().filter(s -> !s.isBlank()).isEmpty()) {
      throw new IllegalStateException("flotilla.edge.secret (FLOTILLA_EDGE_SECRET) must be set with the scheduler address:"
          + " it is the scheduler's edge secret");
    }
    scheduler = link.channel();
    try {
      var builder = NettyServerBuilder.forAddress(new InetSocketAddress(config.grpcHost(), config.grpcPort()),
              EdgeTls.credentials(config))
          .executor(Executors.newVirtualThreadPerTaskExecutor())
          .maxInboundMessageSize(64 << 20)
          .permitKeepAliveTime(10, TimeUnit.SECONDS)
          .permitKeepAliveWithoutCalls(true)
          .addService(ServerInterceptors.intercept(relay(), new Authenticate()));
      objects = new ObjectRelay(link.stub(), sessions, call -> GRANT.get());
      builder.addService(ServerInterceptors.intercept(objects.definition(), new Authenticate()));
      // Launched platform code dials back here; each such service checks its own per-launch secret.
      callbacks.forEach(c -> builder.addService(c.definition()));
      server = builder.build().start();
    } catch (IOException ex) {
      throw new UncheckedIOException("cannot listen for SDK clients on " + config.grpcHost() + ":" + config.grpcPort(), ex);
    }
    boolean tls = config.tlsCertFile().isPresent();
    LOG.infof("SDK edge listening on %s://%s:%d (%s), relaying to %s", tls ? "flotillas" : "flotilla", config.grpcHost(),
        server.getPort(), tls ? "TLS" : "plaintext: loopback and trusted networks only", address.get());
  }

  void stop(@Observes ShutdownEvent e) {
    if (server != null) {
      server.shutdownNow();
    }
    if (objects != null) {
      objects.close();
    }
  }

  /** How many SDK sessions are open through the edge (closed and idle ones pruned). */
  public int openSessions() {
    return sessions.size();
  }

  /** Bytes of large objects relayed between SDK clients and the workers' object stores. */
  public long objectBytesRelayed() {
    return objects == null ? 0 : objects.bytesRelayed();
  }

  /** The port SDK clients connect to; -1 when the edge is off. */
  public int port() {
    return server == null ? -1 : server.getPort();
  }

  /** Every call needs a valid API token; its grant travels in the call's context. */
  private final class Authenticate implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
      String header = headers.get(AUTHORIZATION);
      String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
      Optional<EdgeGrant> grant;
      try {
        grant = authenticator.authenticate(token);
      } catch (RuntimeException ex) {
        LOG.warn("API token check failed", ex);
        call.close(Status.UNAVAILABLE.withDescription("cannot check the API token now; retry"), new Metadata());
        return new ServerCall.Listener<>() {};
      }
      if (grant.isEmpty()) {
        call.close(Status.UNAUTHENTICATED.withDescription(token == null
            ? "an API token is required: Flotilla.connect(address, token) or FLOTILLA_TOKEN"
            : "API token unknown, revoked or expired"), new Metadata());
        return new ServerCall.Listener<>() {};
      }
      String wanted = headers.get(WORKSPACE);
      if (wanted != null && !wanted.equals(grant.get().workspace())) {
        call.close(Status.PERMISSION_DENIED.withDescription("this API token belongs to workspace '"
            + grant.get().workspace() + "', not '" + wanted + "'"), new Metadata());
        return new ServerCall.Listener<>() {};
      }
      return Contexts.interceptCall(Context.current().withValue(GRANT, grant.get()), call, headers, next);
    }
  }

  /** The driver service, every method relayed as bytes through its gate. */
  private ServerServiceDefinition relay() {
    var service = DriverServiceGrpc.getServiceDescriptor();
    var builder = ServerServiceDefinition.builder(service.getName());
    for (MethodDescriptor<?, ?> m : service.getMethods()) {
      MethodDescriptor<byte[], byte[]> bytes = m.toBuilder(Bytes.INSTANCE, Bytes.INSTANCE).build();
      builder.addMethod(bytes, (call, headers) -> {
        EdgeGrant grant = GRANT.get();
        Metadata outgoing = m.getBareMethodName().equals("OpenSession") ? link.edgeSecret() : new Metadata();
        return new ForwardedCall(call, scheduler, bytes, outgoing, gate(m, grant));
      });
    }
    return builder.build();
  }

  private ForwardedCall.Gate gate(MethodDescriptor<?, ?> m, EdgeGrant grant) {
    if (m.getBareMethodName().equals("OpenSession")) {
      return new ForwardedCall.Gate() {
        @Override
        public byte[] request(byte[] message) throws ForwardedCall.Refused {
          OpenSessionRequest req = parse(OpenSessionRequest.parser(), message);
          if (!req.getJobId().isEmpty()) {
            throw new ForwardedCall.Refused(Status.PERMISSION_DENIED.withDescription(
                "sessions of an existing job are opened inside the cluster, not through the edge"));
          }
          var stamped = req.toBuilder().setTenant(grant.tenant()).setWorkspace(grant.workspace())
              .clearWorkspaceLimits().putAllWorkspaceLimits(grant.workspaceLimits())
              .clearTenantLimits().putAllTenantLimits(grant.tenantLimits());
          if (grant.gpuSecondsLeft() != null) {
            stamped.setHasGpuBudget(true).setGpuSecondsLeft(grant.gpuSecondsLeft());
          } else {
            stamped.setHasGpuBudget(false).clearGpuSecondsLeft();
          }
          return stamped.build().toByteArray();
        }

        @Override
        public void response(byte[] message) {
          try {
            OpenSessionResponse r = OpenSessionResponse.parseFrom(message);
            sessions.opened(r.getSessionId(), grant, r.getJobId());
          } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
            LOG.warn("unreadable OpenSession answer from the scheduler", ex);
          }
        }
      };
    }
    return message -> {
      if (!(parseRequest(m, message) instanceof Message req)) {
        return message; // a code blob chunk: content-addressed, no session
      }
      String session = field(req, "session_id");
      if (!session.isEmpty()) {
        if (!sessions.mayUse(session, grant)) {
          throw new ForwardedCall.Refused(Status.NOT_FOUND.withDescription("unknown session " + session));
        }
        String job = field(req, "job_id");
        if (!job.isEmpty() && !job.equals(sessions.owner(session).jobId())) {
          throw new ForwardedCall.Refused(Status.PERMISSION_DENIED.withDescription("job_id does not match the session's job"));
        }
        if (m.getBareMethodName().equals("CloseSession")) {
          sessions.closed(session);
        }
      }
      return message;
    };
  }

  private static Object parseRequest(MethodDescriptor<?, ?> m, byte[] message) throws ForwardedCall.Refused {
    try (InputStream in = new ByteArrayInputStream(message)) {
      return m.parseRequest(in);
    } catch (IOException | RuntimeException ex) {
      throw new ForwardedCall.Refused(Status.INVALID_ARGUMENT.withDescription("malformed request: " + ex.getMessage()));
    }
  }

  private static <T> T parse(com.google.protobuf.Parser<T> parser, byte[] message) throws ForwardedCall.Refused {
    try {
      return parser.parseFrom(message);
    } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
      throw new ForwardedCall.Refused(Status.INVALID_ARGUMENT.withDescription("malformed request: " + ex.getMessage()));
    }
  }

  /** A string field of the message by name, or empty when it has none. */
  private static String field(Message m, String name) {
    Descriptors.FieldDescriptor f = m.getDescriptorForType().findFieldByName(name);
    return f == null || f.getType() != Descriptors.FieldDescriptor.Type.STRING ? "" : (String) m.getField(f);
  }

  /** Messages as their bytes. */
  enum Bytes implements MethodDescriptor.Marshaller<byte[]> {
    INSTANCE;

    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
