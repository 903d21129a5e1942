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
    return NettyChannelBuilder.forTarget(target)
        .usePlaintext()
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .executor(CALLBACKS)
        .keepAliveTime(30, TimeUnit.SECONDS)
        .build();
  }

  /** An API token, and the workspace it must belong to (null: any). */
  public record Credentials(String token, String workspace) {}

  /**
   * A channel that sends {@code authorization: Bearer <token>} (and {@code x-flotilla-workspace}
   * when a workspace is named) with every call.
   */
  public static ManagedChannel open(String target, Credentials credentials) {
    var headers = new io.grpc.Metadata();
    headers.put(io.grpc.Metadata.Key.of("authorization", io.grpc.Metadata.ASCII_STRING_MARSHALLER),
        "Bearer " + credentials.token());
    if (credentials.workspace() != null) {
      headers.put(io.grpc.Metadata.Key.of("x-flotilla-workspace", io.grpc.Metadata.ASCII_STRING_MARSHALLER),
          credentials.workspace());
    }
    return NettyChannelBuilder.forTarget(target)
        .usePlaintext()
        .maxInboundMessageSize(MAX_MESSAGE_BYTES)
        .executor(CALLBACKS)
        .keepAliveTime(30, TimeUnit.SECONDS)
        .intercept(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(headers))
        .build();
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
