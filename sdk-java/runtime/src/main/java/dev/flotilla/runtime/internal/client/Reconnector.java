package dev.flotilla.runtime.internal.client;

import dev.flotilla.api.ClusterUnavailableException;
import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import dev.flotilla.protocol.scheduler.v1.LifelineEvent;
import dev.flotilla.protocol.scheduler.v1.LifelineRequest;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Keeps a session connected across a scheduler restart. The session's lifeline stream tells it
 * the scheduler's epoch; when the stream breaks (or a call finds the scheduler unavailable) calls
 * wait at a gate while one thread reconnects: it re-opens the lifeline, and if the epoch changed
 * (the scheduler restarted and kept the session in its database) has everything the restart lost
 * re-sent ({@link Recovery#afterRestart}); otherwise only what was not acknowledged. If the
 * scheduler is not back within the reconnect window, or does not know the session, waiting calls
 * fail with {@link ClusterUnavailableException}. Thread-safe.
 */
final class Reconnector implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Reconnector.class.getName());

  /** What to re-send once reconnected; throws {@link StatusRuntimeException} to retry. */
  interface Recovery {
    /** The scheduler restarted: re-send everything the journal holds. */
    void afterRestart();

    /** The same scheduler: re-send what it may not have received. */
    void afterBlip();

    /** Reconnecting failed for good: fail whatever waits for an acknowledgement. */
    void failed(ClusterUnavailableException why);
  }

  private final ManagedChannel channel;
  private final String sessionId;
  private final ClusterAddress address;
  private final Duration window;
  private final Recovery recovery;
  private String epoch;
  private boolean connected = true;
  private long generation;
  private ClusterUnavailableException failure;
  private Context.CancellableContext lifeline;
  /** The current lifeline stream ended (the scheduler went away, or never knew the session). */
  private boolean lifelineBroken;
  private volatile boolean closed;

  Reconnector(ManagedChannel channel, String sessionId, ClusterAddress address, Duration window, String epoch,
      Recovery recovery) {
    this.channel = channel;
    this.sessionId = sessionId;
    this.address = address;
    this.window = window;
    this.epoch = epoch;
    this.recovery = recovery;
  }

  /** The reconnect window: FLOTILLA_RECONNECT_TIMEOUT_S, default 60 s. */
  static Duration windowFromEnvironment() {
    String v = System.getenv("FLOTILLA_RECONNECT_TIMEOUT_S");
    try {
      return v == null || v.isBlank() ? Duration.ofSeconds(60) : Duration.ofSeconds(Long.parseLong(v.strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("FLOTILLA_RECONNECT_TIMEOUT_S must be a number of seconds, got " + v, e);
    }
  }

  /** Opens the lifeline; the scheduler closes the session if this process dies. */
  void start() {
    synchronized (this) {
      openLifeline(generation);
    }
  }

  /** Opens a lifeline stream; completes with the scheduler's epoch when it answers. */
  private CompletableFuture<String> openLifeline(long gen) {
    var first = new CompletableFuture<String>();
    var ctx = Context.current().fork().withCancellation();
    lifeline = ctx;
    lifelineBroken = false;
    ctx.run(() -> DriverServiceGrpc.newStub(channel).withWaitForReady().lifeline(
        LifelineRequest.newBuilder().setSessionId(sessionId).build(), new StreamObserver<LifelineEvent>() {
          @Override
          public void onNext(LifelineEvent e) {
            first.complete(e.getSchedulerEpoch());
          }

          @Override
          public void onError(Throwable t) {
            ended(t);
          }

          @Override
          public void onCompleted() {
            ended(Status.UNAVAILABLE.withDescription("the scheduler closed the lifeline").asRuntimeException());
          }

          private void ended(Throwable t) {
            first.completeExceptionally(t);
            synchronized (Reconnector.this) {
              if (lifeline == ctx) {
                lifelineBroken = true;
              }
            }
            if (!closed && !ctx.isCancelled()) {
              lost(gen);
            }
          }
        }));
    return first;
  }

  /** The generation of the connection now; pass it to {@link #lost} when a call fails. */
  synchronized long generation() {
    return generation;
  }

  /** Waits until connected; throws if reconnecting failed for good. */
  synchronized void await() {
    while (!connected) {
      if (failure != null) {
        throw failure;
      }
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClusterUnavailableException("interrupted while waiting for the scheduler at " + address + " to come back", e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** True when {@code e} means the scheduler is (for now) out of reach. */
  static boolean unreachable(StatusRuntimeException e) {
    return e.getStatus().getCode() == Status.Code.UNAVAILABLE;
  }

  /**
   * Runs an idempotent call, waiting out a reconnection and retrying it once the session is
   * connected again.
   */
  <T> T call(Supplier<T> rpc) {
    while (true) {
      long gen;
      synchronized (this) {
        await();
        gen = generation;
      }
      try {
        return rpc.get();
      } catch (StatusRuntimeException e) {
        if (!unreachable(e) || closed) {
          throw e;
        }
        lost(gen);
      }
    }
  }

  /** The connection of generation {@code gen} broke: start reconnecting (once per generation). */
  void lost(long gen) {
    synchronized (this) {
      if (closed || gen != generation || !connected || failure != null) {
        return;
      }
      connected = false;
    }
    LOG.warning(() -> "lost the scheduler at " + address + "; reconnecting for up to " + window.toSeconds() + " s");
    Thread.ofPlatform().daemon().name("flotilla-reconnect").start(this::reconnect);
  }

  private void reconnect() {
    long deadline = System.nanoTime() + window.toNanos();
    long backoffMs = 100;
    while (!closed) {
      String why;
      try {
        CompletableFuture<String> first = null;
        synchronized (this) {
          if (lifelineBroken) {
            first = openLifeline(generation + 1);
          }
        }
        if (first == null) {
          // The lifeline holds: the same scheduler is there (a call met a passing hiccup).
          // Replacing it would end the session, so only re-send what may not have arrived.
          Thread.sleep(backoffMs); // let the channel reconnect before calls retry
          recovery.afterBlip();
          synchronized (this) {
            generation++;
            connected = true;
            notifyAll();
          }
          return;
        }
        long leftMs = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        String newEpoch = first.get(Math.min(leftMs, 10_000), TimeUnit.MILLISECONDS);
        boolean restarted = !newEpoch.equals(epoch);
        if (restarted) {
          recovery.afterRestart();
        } else {
          recovery.afterBlip();
        }
        synchronized (this) {
          epoch = newEpoch;
          generation++;
          connected = true;
          notifyAll();
        }
        LOG.info(() -> "reconnected to the scheduler at " + address + (restarted ? " (it had restarted; work re-sent)" : ""));
        return;
      } catch (ExecutionException e) {
        if (e.getCause() instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.NOT_FOUND) {
          fail("the scheduler at " + address + " came back but no longer knows session " + sessionId
              + ": it keeps no state across restarts (start it with --db-url), or this client was away longer than its"
              + " recovery window", s);
          return;
        }
        why = String.valueOf(e.getCause());
      } catch (StatusRuntimeException e) {
        why = e.getStatus().toString(); // a re-send failed: the scheduler went away again
      } catch (TimeoutException e) {
        why = "no answer";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (System.nanoTime() > deadline) {
        fail("the scheduler at " + address + " did not come back within " + window.toSeconds()
            + " s (FLOTILLA_RECONNECT_TIMEOUT_S); last: " + why, null);
        return;
      }
      try {
        Thread.sleep(backoffMs); // backing off between reconnection attempts
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      backoffMs = Math.min(2_000, backoffMs * 2);
    }
  }

  private void fail(String message, Throwable cause) {
    var e = new ClusterUnavailableException(message, cause);
    LOG.warning(message);
    synchronized (this) {
      failure = e;
      notifyAll();
    }
    recovery.failed(e);
  }

  @Override
  public void close() {
    closed = true;
    synchronized (this) {
      if (lifeline != null) {
        lifeline.cancel(null);
      }
      notifyAll();
    }
  }
}
