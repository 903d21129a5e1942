package dev.flotilla.runtime.internal.client;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** gRPC channels between Flotilla processes. */
public final class Channels {
  /** Largest gRPC message; large objects travel in chunks well below it. */
  public static final int MAX_MESSAGE_BYTES = 64 << 20;

  private static final Executor CALLBACKS = Executors.newVirtualThreadPerTaskExecutor();

  private Channels() {}

  /** A plaintext channel to {@code host:port}; loopback and trusted networks only for now. */
  public static ManagedChannel open(String target) {
    return configured(NettyChannelBuilder.forTarget(target).usePlaintext()).build();
  }

  /** An API token, and the workspace it must belong to (null: any). */
  public record Credentials(String token, String workspace) {}

  /**
   * A channel to a cluster address: over TLS for {@code flotillas://} and {@code https://}
   * addresses (trusting the JDK's certificate authorities, or only those in the PEM file {@code
   * FLOTILLA_CA_FILE} / system property {@code flotilla.ca-file}), plaintext otherwise; with
   * {@code credentials} (may be null) on every call.
   */
  public static ManagedChannel open(ClusterAddress address, Credentials credentials) {
    NettyChannelBuilder builder = configured(address.tls()
        ? NettyChannelBuilder.forTarget(address.target(), TlsTrust.channelCredentials(System.getenv()))
        : NettyChannelBuilder.forTarget(address.target()).usePlaintext());
    if (credentials != null) {
      builder.intercept(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(headers(credentials)));
    }
    return builder.build();
  }

  private static NettyChannelBuilder configured(NettyChannelBuilder builder) {
    return builder.maxInboundMessageSize(MAX_MESSAGE_BYTES).executor(CALLBACKS).keepAliveTime(30, TimeUnit.SECONDS);
  }

  private static io.grpc.Metadata headers(Credentials credentials) {
    var headers = new io.grpc.Metadata();
    headers.put(io.grpc.Metadata.Key.of("authorization", io.grpc.Metadata.ASCII_STRING_MARSHALLER),
        "Bearer " + credentials.token());
    if (credentials.workspace() != null) {
      headers.put(io.grpc.Metadata.Key.of("x-flotilla-workspace", io.grpc.Metadata.ASCII_STRING_MARSHALLER),
          credentials.workspace());
    }
    return headers;
  }

  public static void close(ManagedChannel channel) {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(2, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      channel.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
