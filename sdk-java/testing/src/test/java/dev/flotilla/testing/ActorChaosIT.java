package dev.flotilla.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.api.ActorHandle;
import dev.flotilla.api.ActorOptions;
import dev.flotilla.api.Flotilla;
import dev.flotilla.api.ObjectRef;
import dev.flotilla.api.WaitResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ray's actor chaos test: sender actors with unlimited restarts and call retries forward sequence
 * numbers to a collector actor while their executors are SIGKILLed every two seconds; every
 * (sender, seq) pair arrives at least once.
 *
 * <p>The driver keeps {@link #IN_FLIGHT} calls queued per sender; it sends at least {@link
 * #MIN_SEQS} numbers per sender and goes on until the killer has killed {@link #MIN_KILLS}
 * senders, so the kills land while calls are in flight however fast the machine is. The killer
 * spares the collector and senders that have worked for less than {@link #KILL_AFTER_WORKING}
 * (see {@link ChaosMarks}).
 */
class ActorChaosIT {
  private static final int SENDERS = 3;
  private static final int MIN_SEQS = 200;
  private static final int MAX_SEQS = 5_000;
  private static final int IN_FLIGHT = 10;
  private static final int MIN_KILLS = 2;
  private static final Duration KILL_PERIOD = Duration.ofSeconds(2);
  private static final Duration KILL_AFTER_WORKING = Duration.ofSeconds(10);
  private static final Duration DEADLINE = Duration.ofMinutes(4);

  @RegisterExtension
  static FlotillaClusterExtension cluster = FlotillaClusterExtension.withWorkers(2).configure(o -> o.cpusPerWorker(4));

  @TempDir
  Path marks;

  private record Call(int sender, int seq) {}

  @Test
  void senderExecutorsKilledEveryTwoSeconds_restartedAndRetried_everySeqArrivesAtLeastOnce() {
    try (Flotilla fl = cluster.connect()) {
      long start = System.nanoTime();
      ActorHandle<ChaosCollector> collector = fl.actor(ChaosCollector::new).remote();
      long collectorPid = collector.task(ChaosCollector::pid).remote().get(Duration.ofSeconds(120));
      List<ActorHandle<ChaosSender>> senders = new ArrayList<>();
      for (int s = 0; s < SENDERS; s++) {
        senders.add(fl.actor(ChaosSender::new, s, marks.toString()).options(ActorOptions.builder()
            .maxRestarts(ActorOptions.UNLIMITED).maxTaskRetries(ActorOptions.UNLIMITED).build()).remote());
      }

      int[] sent = new int[SENDERS];
      ChaosKiller killer = ChaosKiller.start(
          ChaosKiller.executorsOf(cluster.cluster(), Set.of(collectorPid), ChaosMarks.workingFor(marks, KILL_AFTER_WORKING)),
          KILL_PERIOD, 7);
      try {
        runSends(fl, killer, collector, senders, sent);
      } finally {
        killer.close();
      }

      assertThat(killer.kills()).as("sender executors killed while calls ran (%s)", killer).isGreaterThanOrEqualTo(MIN_KILLS);
      assertThat(killer.killedPids()).as("the collector is never killed").doesNotContain(collectorPid);
      assertThat(collector.task(ChaosCollector::pid).remote().get(Duration.ofSeconds(60)))
          .as("the collector kept its executor").isEqualTo(collectorPid);
      List<String> missing = collector.task(ChaosCollector::missing, sent).remote().get(Duration.ofSeconds(60));
      assertThat(missing).as("(sender/seq) pairs that never reached the collector").isEmpty();
      long records = collector.task(ChaosCollector::records).remote().get(Duration.ofSeconds(60));
      System.out.printf("ActorChaosIT: sent %s in %d ms; collector recorded %d (%d duplicates); %s%n",
          Arrays.toString(sent), (System.nanoTime() - start) / 1_000_000, records,
          records - Arrays.stream(sent).sum(), killer);
    }
  }

  /** Keeps IN_FLIGHT calls queued per sender until enough were sent and the killer has done its part. */
  private void runSends(Flotilla fl, ChaosKiller killer, ActorHandle<ChaosCollector> collector,
      List<ActorHandle<ChaosSender>> senders, int[] sent) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    Map<ObjectRef<Integer>, Call> inFlight = new HashMap<>();
    int[] queued = new int[SENDERS];
    while (true) {
      for (int s = 0; s < SENDERS; s++) {
        while (queued[s] < IN_FLIGHT && (sent[s] < MIN_SEQS || killer.kills() < MIN_KILLS)) {
          assertThat(sent[s]).as("numbers sent before the killer killed %d senders (%s)", MIN_KILLS, killer)
              .isLessThan(MAX_SEQS);
          inFlight.put(senders.get(s).task(ChaosSender::send, collector, sent[s]).remote(), new Call(s, sent[s]));
          sent[s]++;
          queued[s]++;
        }
      }
      if (inFlight.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("after " + DEADLINE + ", " + inFlight.size() + " calls were still in flight; sent "
            + Arrays.toString(sent) + "; " + killer + "; cluster: " + cluster.cluster().status());
      }
      WaitResult<Integer> w = fl.wait(new ArrayList<>(inFlight.keySet()), 1, Duration.ofSeconds(5));
      for (ObjectRef<Integer> r : w.ready()) {
        Call c = inFlight.remove(r);
        queued[c.sender()]--;
        assertThat(r.get()).as("sender %d's answer for seq %d", c.sender(), c.seq()).isEqualTo(c.seq());
      }
    }
  }
}
