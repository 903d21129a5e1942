package dev.flotilla.testing;

import dev.flotilla.deploy.cluster.LocalCluster;
import dev.flotilla.deploy.cluster.ManagedProcess;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Fault injection for the chaos ITs: every period, SIGKILLs one random live process among the
 * candidates the supplier names, and records each one it killed. Close it to stop; closing waits
 * for a kill in progress, so no kill happens after {@link #close()} returns.
 *
 * <p>A failing candidate probe never stops the schedule: it is recorded and shown by {@link
 * #toString()}. Thread-safe.
 */
final class ChaosKiller implements AutoCloseable {
  private final Supplier<List<ProcessHandle>> candidates;
  private final Random random;
  private final ScheduledExecutorService timer;
  private final List<Long> killed = new CopyOnWriteArrayList<>();
  private final List<String> probeErrors = new CopyOnWriteArrayList<>();

  private ChaosKiller(Supplier<List<ProcessHandle>> candidates, long seed) {
    this.candidates = candidates;
    this.random = new Random(seed);
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "chaos-killer");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts killing one candidate every {@code period}, the first one period from now. */
  static ChaosKiller start(Supplier<List<ProcessHandle>> candidates, Duration period, long seed) {
    var k = new ChaosKiller(candidates, seed);
    k.timer.scheduleAtFixedRate(k::killOne, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    return k;
  }

  /**
   * The executor JVMs the cluster's workers have started that pass {@code eligible}, minus those
   * with the given pids.
   */
  static Supplier<List<ProcessHandle>> executorsOf(LocalCluster cluster, Set<Long> spared, Predicate<ProcessHandle> eligible) {
    return () -> cluster.workers().stream()
        .map(ManagedProcess::handle)
        .flatMap(ProcessHandle::descendants)
        .filter(p -> !spared.contains(p.pid()))
        .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("ExecutorMain")).orElse(false))
        .filter(eligible)
        .toList();
  }

  private void killOne() {
    try {
      List<ProcessHandle> live = candidates.get().stream().filter(ProcessHandle::isAlive).toList();
      if (live.isEmpty()) {
        return;
      }
      ProcessHandle victim = live.get(random.nextInt(live.size()));
      if (victim.destroyForcibly()) {
        killed.add(victim.pid());
      }
    } catch (RuntimeException e) {
      probeErrors.add(e.toString()); // keep the schedule alive: an exception would cancel it
    }
  }

  /** How many processes it has killed so far. */
  int kills() {
    return killed.size();
  }

  /** The pids it killed, in order. */
  List<Long> killedPids() {
    return List.copyOf(killed);
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the chaos killer did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "ChaosKiller{killed=" + killed + (probeErrors.isEmpty() ? "" : ", probeErrors=" + probeErrors) + "}";
  }
}
