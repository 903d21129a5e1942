package dev.flotilla.apiserver.edge;

import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import dev.flotilla.runtime.internal.client.Channels;
import dev.flotilla.runtime.internal.client.ClusterAddress;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The api-server's one connection to the scheduler ({@code flotilla.edge.scheduler-address}),
 * shared by the SDK edge, the launcher, the usage collector and the dashboard, and the scheduler's
 * edge secret that proves this api-server on the calls only the edge may make (stamped sessions,
 * usage). The channel opens on first use and closes at shutdown. Thread-safe.
 */
@ApplicationScoped
public class SchedulerLink {
  private static final Metadata.Key<String> EDGE_SECRET =
      Metadata.Key.of("x-flotilla-edge-secret", Metadata.ASCII_STRING_MARSHALLER);

  private final EdgeConfig config;
  private ManagedChannel channel;

  SchedulerLink(EdgeConfig config) {
    this.config = config;
  }

  /** Whether a scheduler address and its edge secret are both set. */
  public boolean configured() {
    return config.schedulerAddress().filter(a -> !a.isBlank()).isPresent()
        && config.secret().filter(s -> !s.isBlank()).isPresent();
  }

  /** The shared channel to the scheduler. */
  public synchronized ManagedChannel channel() {
    if (!configured()) {
      throw new IllegalStateException("no scheduler configured (flotilla.edge.scheduler-address and flotilla.edge.secret)");
    }
    if (channel == null) {
      channel = Channels.open(ClusterAddress.parse(config.schedulerAddress().orElseThrow()), null);
    }
    return channel;
  }

  public DriverServiceGrpc.DriverServiceBlockingStub stub() {
    return DriverServiceGrpc.newBlockingStub(channel());
  }

  /** The edge secret as call metadata. */
  public Metadata edgeSecret() {
    Metadata m = new Metadata();
    m.put(EDGE_SECRET, config.secret().orElseThrow());
    return m;
  }

  /** {@code stub} presenting the edge secret on its calls. */
  public <S extends AbstractStub<S>> S asEdge(S stub) {
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(edgeSecret()));
  }

  /** Last at shutdown: the others may still stop their work through it. */
  synchronized void close(@Observes @Priority(10_000) ShutdownEvent e) {
    if (channel != null) {
      Channels.close(channel);
      channel = null;
    }
  }
}
