package dev.flotilla.runtime.internal.jobs;

import dev.flotilla.protocol.jobs.v1.JobControl;
import dev.flotilla.protocol.jobs.v1.JobEvent;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The driver's end of one {@code JobChannel.Attach} stream. Sends are serialised (gRPC observers
 * are not thread-safe) and dropped once the stream has ended: the job goes on without its log
 * channel. {@link #started()} completes on the server's Started, and fails when the server ends
 * the stream first (e.g. {@code UNAUTHENTICATED} for a wrong secret).
 */
final class JobLink implements StreamObserver<JobControl> {
  private final CompletableFuture<Void> started = new CompletableFuture<>();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private volatile Consumer<String> onStop = reason -> {};
  private StreamObserver<JobEvent> out;
  private boolean completed;

  synchronized void attach(StreamObserver<JobEvent> out) {
    this.out = out;
  }

  /** What to do on Stop (gets the reason); runs on a gRPC callback thread. */
  void onStop(Consumer<String> handler) {
    this.onStop = handler;
  }

  CompletableFuture<Void> started() {
    return started;
  }

  /** Completes when the server has ended the stream, normally or not. */
  CompletableFuture<Void> ended() {
    return ended;
  }

  synchronized void send(JobEvent event) {
    if (completed || ended.isDone()) {
      return;
    }
    try {
      out.onNext(event);
    } catch (RuntimeException e) {
      // the call was cancelled under us: nothing more can be sent
      completed = true;
    }
  }

  /** Half-closes the stream: nothing more will be sent. */
  synchronized void complete() {
    if (!completed && !ended.isDone()) {
      completed = true;
      out.onCompleted();
    }
  }

  @Override
  public void onNext(JobControl control) {
    switch (control.getKindCase()) {
      case STARTED -> started.complete(null);
      case STOP -> {
        // a Stop before Started: main never runs
        started.completeExceptionally(new IllegalStateException("stopped before it started: " + control.getStop().getReason()));
        onStop.accept(control.getStop().getReason());
      }
      case KIND_NOT_SET -> { }
    }
  }

  @Override
  public void onError(Throwable t) {
    started.completeExceptionally(t);
    ended.complete(null);
  }

  @Override
  public void onCompleted() {
    started.completeExceptionally(new IllegalStateException("the api-server ended the job channel"));
    ended.complete(null);
  }
}
