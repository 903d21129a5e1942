package dev.flotilla.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.api.Flotilla;
import dev.flotilla.api.ObjectRef;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ray's nightly task chaos test: nested tasks with unlimited retries finish with correct results
 * while executors are SIGKILLed every two seconds, and afterwards nothing leaks.
 */
class TaskChaosIT {
  private static final int PARENTS = 40;
  private static final int CHILDREN = 50;
  private static final long CHILD_HOLD_MILLIS = 20;
  private static final Duration KILL_PERIOD = Duration.ofSeconds(2);

  @RegisterExtension
  static FlotillaClusterExtension cluster = FlotillaClusterExtension.withWorkers(2).configure(o -> o.cpusPerWorker(4));

  @Test
  void executorsKilledEveryTwoSeconds_nestedTasksRetried_allSumsCorrect_nothingLeaks() {
    try (Flotilla fl = cluster.connect()) {
      List<ObjectRef<Long>> sums = new ArrayList<>();
      List<Long> got;
      ChaosKiller killer = ChaosKiller.start(ChaosKiller.executorsOf(cluster.cluster(), Set.of()), KILL_PERIOD, 42);
      try {
        for (int p = 0; p < PARENTS; p++) {
          sums.add(fl.task(ChaosFns::parent, p, CHILDREN, CHILD_HOLD_MILLIS)
              .options(ChaosFns.retriedForever("parent-" + p)).remote());
        }
        got = fl.get(sums, Duration.ofMinutes(4));
      } finally {
        killer.close();
      }

      for (int p = 0; p < PARENTS; p++) {
        assertThat(got.get(p)).as("sum of parent %d's %d children", p, CHILDREN).isEqualTo(ChaosFns.parentValue(p, CHILDREN));
      }
      assertThat(killer.kills()).as("executors killed while the tasks ran (%s)", killer).isGreaterThanOrEqualTo(2);
      System.out.println("TaskChaosIT: " + killer);

      ClusterStatusResponse quiet = Await.until("every resource back in the pool and no task running or pending",
          Duration.ofSeconds(60), () -> cluster.cluster().status(), TaskChaosIT::quiet);
      assertThat(quiet.getNodesList()).hasSize(2);
    }
  }

  /** All nodes alive with every resource free, no task running anywhere, none pending. */
  static boolean quiet(ClusterStatusResponse s) {
    return s.getRunningTasks() == 0 && s.getPendingCount() == 0 && s.getNodesList().stream().allMatch(n ->
        n.getAlive() && n.getRunningTasks() == 0 && n.getAvailable().getAmountsMap().equals(n.getTotal().getAmountsMap()));
  }
}
