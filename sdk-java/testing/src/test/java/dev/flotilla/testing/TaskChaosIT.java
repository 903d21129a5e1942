package dev.flotilla.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.api.Flotilla;
import dev.flotilla.api.ObjectRef;
import dev.flotilla.api.WaitResult;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ray's nightly task chaos test: nested tasks with unlimited retries finish with correct results
 * while executors are SIGKILLed every two seconds, and afterwards nothing leaks.
 *
 * <p>The driver keeps {@link #IN_FLIGHT} parents running, each fanning out to {@link #CHILDREN}
 * children; it submits at least {@link #MIN_PARENTS} parents and goes on until the killer has
 * killed {@link #MIN_KILLS} executors, so the kills land while work is in flight however fast
 * the machine is. The killer spares executors that have worked for less than {@link
 * #KILL_AFTER_WORKING} (see {@link ChaosMarks}).
 */
class TaskChaosIT {
  private static final int MIN_PARENTS = 40;
  private static final int MAX_PARENTS = 400;
  private static final int CHILDREN = 50;
  private static final int IN_FLIGHT = 8;
  private static final long CHILD_HOLD_MILLIS = 5;
  private static final int MIN_KILLS = 2;
  private static final Duration KILL_PERIOD = Duration.ofSeconds(2);
  private static final Duration KILL_AFTER_WORKING = Duration.ofSeconds(10);
  private static final Duration DEADLINE = Duration.ofMinutes(4);

  @RegisterExtension
  static FlotillaClusterExtension cluster = FlotillaClusterExtension.withWorkers(2).configure(o -> o.cpusPerWorker(4));

  @TempDir
  Path marks;

  @Test
  void executorsKilledEveryTwoSeconds_nestedTasksRetried_allSumsCorrect_nothingLeaks() {
    try (Flotilla fl = cluster.connect()) {
      Map<Integer, Long> sums = new TreeMap<>();
      long start = System.nanoTime();
      ChaosKiller killer = ChaosKiller.start(
          ChaosKiller.executorsOf(cluster.cluster(), Set.of(), ChaosMarks.workingFor(marks, KILL_AFTER_WORKING)),
          KILL_PERIOD, 42);
      try {
        runParents(fl, killer, sums);
      } finally {
        killer.close();
      }
      long ranMillis = (System.nanoTime() - start) / 1_000_000;

      assertThat(killer.kills()).as("executors killed while tasks ran (%s)", killer).isGreaterThanOrEqualTo(MIN_KILLS);
      assertThat(sums).hasSizeGreaterThanOrEqualTo(MIN_PARENTS);
      sums.forEach((p, sum) ->
          assertThat(sum).as("sum of parent %d's %d children", p, CHILDREN).isEqualTo(ChaosFns.parentValue(p, CHILDREN)));

      ClusterStatusResponse quiet = Await.until("every resource back in the pool and no task running or pending",
          Duration.ofSeconds(90), () -> cluster.cluster().status(), TaskChaosIT::quiet);
      assertThat(quiet.getNodesList()).hasSize(2);
      // finished counts every task that ended, so children of killed parent attempts show up here
      System.out.printf("TaskChaosIT: %d parents x %d children in %d ms, quiet %d ms later; tasks finished: %d; %s%n",
          sums.size(), CHILDREN, ranMillis, (System.nanoTime() - start) / 1_000_000 - ranMillis,
          quiet.getFinishedTasks(), killer);
    }
  }

  /** Keeps IN_FLIGHT parents running until enough have finished and the killer has done its part. */
  private void runParents(Flotilla fl, ChaosKiller killer, Map<Integer, Long> sums) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    Map<ObjectRef<Long>, Integer> inFlight = new HashMap<>();
    int next = 0;
    while (true) {
      while (inFlight.size() < IN_FLIGHT && (next < MIN_PARENTS || killer.kills() < MIN_KILLS)) {
        assertThat(next).as("parents submitted before the killer killed %d executors (%s)", MIN_KILLS, killer)
            .isLessThan(MAX_PARENTS);
        inFlight.put(fl.task(ChaosFns::parent, next, CHILDREN, CHILD_HOLD_MILLIS, marks.toString())
            .options(ChaosFns.retriedForever("parent-" + next)).remote(), next);
        next++;
      }
      if (inFlight.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("after " + DEADLINE + ", " + sums.size() + " of " + next + " parents had finished; "
            + killer + "; cluster: " + cluster.cluster().status());
      }
      WaitResult<Long> w = fl.wait(new ArrayList<>(inFlight.keySet()), 1, Duration.ofSeconds(5));
      for (ObjectRef<Long> r : w.ready()) {
        sums.put(inFlight.remove(r), r.get());
      }
    }
  }

  /** All nodes alive with every resource free, no task running anywhere, none pending. */
  static boolean quiet(ClusterStatusResponse s) {
    return s.getRunningTasks() == 0 && s.getPendingCount() == 0 && s.getNodesList().stream().allMatch(n ->
        n.getAlive() && n.getRunningTasks() == 0 && n.getAvailable().getAmountsMap().equals(n.getTotal().getAmountsMap()));
  }
}
