package dev.flotilla.kernel.internal;

import dev.flotilla.protocol.kernel.v1.CompleteReply;
import dev.flotilla.protocol.kernel.v1.InspectReply;
import dev.flotilla.protocol.kernel.v1.KernelRequest;
import dev.flotilla.protocol.kernel.v1.Status.State;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves one kernel over one {@code KernelChannel.Attach} stream: executes and restarts in order
 * on a request thread, answers interrupts, completions and inspections at once (even while a cell
 * runs), and ends when asked, when the stream breaks, or when idle past the cull time.
 *
 * <p>Thread-safe: events are written to the stream under a lock; requests arrive on gRPC threads.
 */
final class KernelSession implements StreamObserver<KernelRequest> {
  private final JShellKernel kernel;
  private final InstantSource clock;
  private final Duration idleTimeout;
  private final ExecutorService cells = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("kernel-requests").factory());
  private final ExecutorService quick = Executors.newVirtualThreadPerTaskExecutor();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final CompletableFuture<String> ended = new CompletableFuture<>();
  private volatile Instant lastActivity;
  private StreamObserver<dev.flotilla.protocol.kernel.v1.KernelEvent> out;

  KernelSession(JShellKernel kernel, InstantSource clock, Duration idleTimeout) {
    this.kernel = kernel;
    this.clock = clock;
    this.idleTimeout = idleTimeout;
    this.lastActivity = clock.instant();
  }

  /** Starts talking on {@code outbound}: Hello, then IDLE. */
  void start(StreamObserver<dev.flotilla.protocol.kernel.v1.KernelEvent> outbound, String kernelId) {
    synchronized (this) {
      out = outbound;
    }
    send(dev.flotilla.protocol.kernel.v1.KernelEvent.newBuilder()
        .setHello(dev.flotilla.protocol.kernel.v1.Hello.newBuilder()
            .setKernelId(kernelId).setJavaVersion(Runtime.version().toString()))
        .build());
    send(ProtoEvents.status("", State.IDLE, ""));
  }

  /** Completes with the reason the session ended ("shutdown", "idle", or the failure). */
  CompletableFuture<String> ended() {
    return ended;
  }

  /** Ends the session if nothing ran for the idle timeout. Returns whether it did. */
  boolean cullIfIdle() {
    if (inFlight.get() == 0 && clock.instant().isAfter(lastActivity.plus(idleTimeout))) {
      end("idle", true);
      return true;
    }
    return false;
  }

  @Override
  public void onNext(KernelRequest r) {
    String id = r.getRequestId();
    lastActivity = clock.instant();
    switch (r.getKindCase()) {
      case EXECUTE -> inOrder(id, () -> execute(id, r.getExecute().getCode()));
      case RESTART -> inOrder(id, () -> {
        send(ProtoEvents.status(id, State.RESTARTING, ""));
        kernel.restart();
      });
      case INTERRUPT -> kernel.interrupt();
      case COMPLETE -> quick.execute(() -> {
        Completions c = kernel.complete(r.getComplete().getCode(), r.getComplete().getCursor());
        send(dev.flotilla.protocol.kernel.v1.KernelEvent.newBuilder().setRequestId(id)
            .setCompletions(CompleteReply.newBuilder().setAnchor(c.anchor()).setCursor(c.cursor()).addAllItems(c.items()))
            .build());
      });
      case INSPECT -> quick.execute(() -> send(dev.flotilla.protocol.kernel.v1.KernelEvent.newBuilder()
          .setRequestId(id)
          .setInspection(InspectReply.newBuilder()
              .addAllDocs(kernel.documentation(r.getInspect().getCode(), r.getInspect().getCursor())))
          .build()));
      case SHUTDOWN -> end("shutdown", true);
      case KIND_NOT_SET -> send(ProtoEvents.of(id, new KernelEvent.Error(
          "BadRequest", "a request needs one of execute, interrupt, complete, inspect, restart, shutdown", 0,
          java.util.List.of())));
    }
  }

  @Override
  public void onError(Throwable t) {
    end("the channel broke: " + t.getMessage(), false);
  }

  @Override
  public void onCompleted() {
    end("the server closed the channel", false);
  }

  private void execute(String id, String code) {
    send(ProtoEvents.status(id, State.BUSY, ""));
    CellOutcome o = kernel.execute(code, e -> send(ProtoEvents.of(id, e)));
    send(ProtoEvents.reply(id, o));
  }

  /**
   * Runs {@code work} after the cells before it, then says IDLE for request {@code id}, after the
   * idle clock restarted: whoever sees IDLE sees a session whose idle time counts from then.
   */
  private void inOrder(String id, Runnable work) {
    inFlight.incrementAndGet();
    cells.execute(() -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        send(ProtoEvents.of("", new KernelEvent.Error(e.getClass().getName(), e.getMessage(), 0, java.util.List.of())));
      } finally {
        lastActivity = clock.instant();
        inFlight.decrementAndGet();
        send(ProtoEvents.status(id, State.IDLE, ""));
      }
    });
  }

  private void end(String reason, boolean tellServer) {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    kernel.interrupt();
    if (tellServer) {
      send(ProtoEvents.status("", State.DEAD, reason));
      synchronized (this) {
        try {
          out.onCompleted();
        } catch (RuntimeException alreadyBroken) {
          // the stream failed first; there is nobody left to tell
        }
      }
    }
    cells.shutdownNow();
    quick.shutdownNow();
    kernel.close();
    ended.complete(reason);
  }

  private void send(dev.flotilla.protocol.kernel.v1.KernelEvent e) {
    synchronized (this) {
      if (out != null && !ended.isDone()) {
        out.onNext(e);
      }
    }
  }
}
