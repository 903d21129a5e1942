package dev.flotilla.kernel.internal;

import dev.flotilla.protocol.kernel.v1.KernelChannelGrpc;
import dev.flotilla.protocol.kernel.v1.KernelEvent;
import dev.flotilla.protocol.kernel.v1.KernelRequest;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The api-server's side of {@code KernelChannel}, in a test: a real gRPC server on loopback that
 * checks the secret, records every event and lets the test send requests.
 */
final class TestingKernelChannel implements AutoCloseable {
  private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  final List<KernelEvent> events = new CopyOnWriteArrayList<>();
  final CompletableFuture<StreamObserver<KernelRequest>> attached = new CompletableFuture<>();
  final CompletableFuture<Void> kernelClosed = new CompletableFuture<>();
  private final Server server;

  TestingKernelChannel(String secret) throws IOException {
    ServerInterceptor auth = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        if (!("Bearer " + secret).equals(headers.get(AUTHORIZATION))) {
          call.close(Status.UNAUTHENTICATED.withDescription("wrong kernel secret"), new Metadata());
          return new ServerCall.Listener<>() {};
        }
        return next.startCall(call, headers);
      }
    };
    var service = new KernelChannelGrpc.KernelChannelImplBase() {
      @Override
      public StreamObserver<KernelEvent> attach(StreamObserver<KernelRequest> requests) {
        attached.complete(requests);
        return new StreamObserver<>() {
          @Override
          public void onNext(KernelEvent e) {
            events.add(e);
          }

          @Override
          public void onError(Throwable t) {
            kernelClosed.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {
            kernelClosed.complete(null);
          }
        };
      }
    };
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(ServerInterceptors.intercept(service, auth)).build().start();
  }

  String address() {
    return "flotilla://127.0.0.1:" + server.getPort();
  }

  void send(KernelRequest r) {
    StreamObserver<KernelRequest> out = attached.join();
    synchronized (out) {
      out.onNext(r);
    }
  }

  /** Waits until an event matches, failing with {@code what} after 30 s. */
  KernelEvent await(String what, Predicate<KernelEvent> p) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      for (KernelEvent e : events) {
        if (p.test(e)) {
          return e;
        }
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("timed out waiting for " + what + "; events: " + events);
  }

  List<KernelEvent> of(String requestId) {
    return events.stream().filter(e -> e.getRequestId().equals(requestId)).toList();
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
