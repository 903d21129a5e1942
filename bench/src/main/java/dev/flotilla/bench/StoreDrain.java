package dev.flotilla.bench;

import dev.flotilla.deploy.cluster.LocalCluster;
import dev.flotilla.protocol.scheduler.v1.NodeStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Between rounds of large puts, lets the cluster free the objects the last round dropped, so every
 * round starts with an empty store instead of measuring spills to disk.
 *
 * <p>A dropped {@code ObjectRef} is released to the cluster only after a garbage collection finds it
 * unreachable (the SDK releases refs through a {@link java.lang.ref.Cleaner}), and a driver that
 * reuses one large array may not collect for a long time. So this requests a collection, then polls
 * the scheduler's view of the stores on its own scheduled thread until their use falls below a
 * threshold, with a deadline. Without a local cluster it only requests the collection. Call from
 * one thread.
 */
final class StoreDrain implements Runnable, AutoCloseable {
  private static final long POLL_MS = 20;

  private final LocalCluster cluster; // null: not ours, nothing to poll
  private final long slackBytes;
  private long baselineBytes;
  private final Duration deadline;
  private final PrintStream log;
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("bench-store-drain").daemon().factory());
  private int timeouts;

  /**
   * @param slackBytes how far above the baseline the stores may stay and count as drained
   * @param deadline how long to wait for that, per round
   */
  StoreDrain(LocalCluster cluster, long slackBytes, Duration deadline, PrintStream log) {
    this.cluster = cluster;
    this.slackBytes = slackBytes;
    this.deadline = deadline;
    this.log = log;
  }

  /**
   * Takes what the stores hold now (e.g. an object a benchmark keeps for all its rounds) as the
   * level they drain back to. Blocks for one status call.
   */
  void markBaseline() {
    baselineBytes = cluster == null ? 0 : usedBytes();
  }

  /** How many times the stores did not drain before the deadline. */
  int timeouts() {
    return timeouts;
  }

  @Override
  public void run() {
    System.gc(); // finds the dropped refs unreachable, so their Cleaner queues the releases
    if (cluster == null) {
      return;
    }
    var drained = new CompletableFuture<Long>();
    ScheduledFuture<?> poll = poller.scheduleWithFixedDelay(() -> {
      try {
        long used = usedBytes();
        if (used <= baselineBytes + slackBytes) {
          drained.complete(used);
        }
      } catch (RuntimeException e) {
        // The scheduler is busy or restarting; the deadline decides.
      }
    }, 0, POLL_MS, TimeUnit.MILLISECONDS);
    try {
      drained.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      timeouts++;
      log.printf("  warning: object stores still hold %,d bytes %s after the last round (baseline %,d)%n",
          usedBytes(), deadline, baselineBytes);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the object stores to drain", e);
    } finally {
      poll.cancel(false);
    }
  }

  private long usedBytes() {
    return cluster.status().getNodesList().stream().mapToLong(NodeStatus::getStoreUsedBytes).sum();
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
