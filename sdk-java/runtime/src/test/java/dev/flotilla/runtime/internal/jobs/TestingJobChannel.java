package dev.flotilla.runtime.internal.jobs;

import dev.flotilla.protocol.jobs.v1.JobChannelGrpc;
import dev.flotilla.protocol.jobs.v1.JobControl;
import dev.flotilla.protocol.jobs.v1.JobEvent;
import dev.flotilla.protocol.jobs.v1.Started;
import dev.flotilla.protocol.jobs.v1.Stop;
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
 * The api-server's side of {@code JobChannel}, in a test: a real gRPC server on loopback that
 * checks the secret, answers Hello with Started, records every event, completes the stream after
 * Finished, and lets the test send Stop.
 */
final class TestingJobChannel implements AutoCloseable {
  private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  final List<JobEvent> events = new CopyOnWriteArrayList<>();
  final CompletableFuture<StreamObserver<JobControl>> attached = new CompletableFuture<>();
  private final Server server;

  TestingJobChannel(String secret) throws IOException {
    this(secret, false);
  }

  /** @param stopOnHello answer Hello with Stop instead of Started (a job stopped while it launched) */
  TestingJobChannel(String secret, boolean stopOnHello) throws IOException {
    ServerInterceptor auth = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        if (!("Bearer " + secret).equals(headers.get(AUTHORIZATION))) {
          call.close(Status.UNAUTHENTICATED.withDescription("wrong job secret"), new Metadata());
          return new ServerCall.Listener<>() {};
        }
        return next.startCall(call, headers);
      }
    };
    var service = new JobChannelGrpc.JobChannelImplBase() {
      @Override
      public StreamObserver<JobEvent> attach(StreamObserver<JobControl> control) {
        attached.complete(control);
        return new StreamObserver<>() {
          @Override
          public void onNext(JobEvent e) {
            events.add(e);
            if (e.hasHello()) {
              send(stopOnHello ? JobControl.newBuilder().setStop(Stop.newBuilder().setReason("stopped early")).build()
                  : JobControl.newBuilder().setStarted(Started.getDefaultInstance()).build());
            }
          }

          @Override
          public void onError(Throwable t) {}

          @Override
          public void onCompleted() {
            synchronized (control) {
              control.onCompleted();
            }
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

  void send(JobControl c) {
    StreamObserver<JobControl> out = attached.join();
    synchronized (out) {
      out.onNext(c);
    }
  }

  void stop(String reason) {
    send(JobControl.newBuilder().setStop(Stop.newBuilder().setReason(reason)).build());
  }

  /** Waits until an event matches, failing with {@code what} after 30 s. */
  JobEvent await(String what, Predicate<JobEvent> p) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      for (JobEvent e : events) {
        if (p.test(e)) {
          return e;
        }
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("timed out waiting for " + what + "; events: " + events);
  }

  /** Every logged line of one stream, in order. */
  List<String> lines(dev.flotilla.protocol.jobs.v1.LogLines.Stream stream) {
    return events.stream().filter(JobEvent::hasLogLines).map(JobEvent::getLogLines)
        .filter(l -> l.getStream() == stream).flatMap(l -> l.getLineList().stream()).toList();
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
