package dev.flotilla.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.api.ActorHandle;
import dev.flotilla.api.ActorOptions;
import dev.flotilla.api.Bundle;
import dev.flotilla.api.Flotilla;
import dev.flotilla.api.Lifetime;
import dev.flotilla.api.ObjectRef;
import dev.flotilla.api.PlacementGroup;
import dev.flotilla.api.PlacementStrategy;
import dev.flotilla.deploy.cluster.LocalCluster;
import dev.flotilla.deploy.cluster.LocalClusterOptions;
import dev.flotilla.deploy.embedded.EmbeddedPostgres;
import dev.flotilla.protocol.scheduler.v1.NodeStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scheduler is SIGKILLed and restarted while tasks run and actor calls are in flight. Its
 * state lives in a real PostgreSQL; the gpu-workers re-register and report what they still run;
 * the driver reconnects and re-sends what the restart lost. Afterwards named and placement-group
 * actors answer from the same executors with their state, every task result is right, every
 * sequence number sent to a collector arrived, new work and new actors in the old placement group
 * are accepted, and every CPU is back in the pool once everything is released.
 */
class SchedulerChaosIT {
  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final int TASKS = 40;
  private static final int SEQS = 100;

  private static EmbeddedPostgres postgres;
  private static LocalCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Path.of("target", "flotilla-test", "SchedulerChaosIT").toAbsolutePath();
    Files.createDirectories(dir);
    postgres = EmbeddedPostgres.start(dir.resolve("postgres"));
    String db = "scheduler_it_" + Long.toHexString(System.nanoTime());
    postgres.createDatabase(db);
    cluster = LocalCluster.start(LocalClusterOptions.builder().workers(2).cpusPerWorker(4).workDir(dir)
        .schedulerDatabase(new LocalClusterOptions.SchedulerDatabase(postgres.jdbcUrl(db), postgres.user(), postgres.password()))
        .build());
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void schedulerKilledMidRun_actorsKeepAnswering_workCompletes_nothingAcknowledgedLost() {
    try (Flotilla fl = Flotilla.connect(cluster.address().toString())) {
      ActorHandle<Counter> named = fl.actor(Counter::new, 0).options(ActorOptions.builder()
          .name("survivor").namespace("chaos").lifetime(Lifetime.DETACHED).build()).remote();
      assertThat(named.task(Counter::add, 5).remote().get(WAIT)).isEqualTo(5);
      long namedPid = named.task(Counter::pid).remote().get(WAIT);
      PlacementGroup group = fl.placementGroup(List.of(Bundle.of(Map.of("CPU", 1.0)), Bundle.of(Map.of("CPU", 1.0))),
          PlacementStrategy.STRICT_SPREAD);
      group.ready(Duration.ofSeconds(60));
      ActorHandle<Counter> inGroup = fl.actor(Counter::new, 100)
          .options(ActorOptions.builder().cpus(1).placementGroup(group, 0).build()).remote();
      long inGroupPid = inGroup.task(Counter::pid).remote().get(WAIT);
      ActorHandle<ChaosCollector> collector = fl.actor(ChaosCollector::new).remote();
      long collectorPid = collector.task(ChaosCollector::pid).remote().get(WAIT);

      // In flight when the scheduler dies: slow tasks and calls to the collector.
      List<ObjectRef<Integer>> before = IntStream.range(0, TASKS)
          .mapToObj(i -> fl.task(MathFns::slowIdentity, i, 300L).remote()).toList();
      List<ObjectRef<Integer>> seqs = new ArrayList<>();
      for (int seq = 0; seq < SEQS; seq++) {
        seqs.add(collector.task(ChaosCollector::record, 0, seq).remote());
      }

      cluster.restartScheduler();

      // Accepted after the restart: new tasks, more calls, an actor in the old group's other bundle.
      List<ObjectRef<Integer>> after = IntStream.range(0, TASKS).mapToObj(i -> fl.task(MathFns::square, i).remote()).toList();
      for (int seq = SEQS; seq < 2 * SEQS; seq++) {
        seqs.add(collector.task(ChaosCollector::record, 0, seq).remote());
      }
      ActorHandle<Counter> late = fl.actor(Counter::new, 7)
          .options(ActorOptions.builder().cpus(1).placementGroup(group, 1).build()).remote();

      assertThat(fl.get(before, WAIT)).as("tasks running when the scheduler died")
          .containsExactlyElementsOf(IntStream.range(0, TASKS).boxed().toList());
      assertThat(fl.get(after, WAIT)).as("tasks submitted after the restart")
          .containsExactlyElementsOf(IntStream.range(0, TASKS).map(i -> i * i).boxed().toList());
      assertThat(fl.get(seqs, WAIT)).as("calls to the collector")
          .containsExactlyElementsOf(IntStream.range(0, 2 * SEQS).boxed().toList());

      ActorHandle<Counter> found = fl.<Counter>getActor("survivor", "chaos").orElseThrow();
      assertThat(found.task(Counter::add, 1).remote().get(WAIT)).as("the named actor kept its state").isEqualTo(6);
      assertThat(found.task(Counter::pid).remote().get(WAIT)).as("and its executor").isEqualTo(namedPid);
      assertThat(inGroup.task(Counter::add, 1).remote().get(WAIT)).as("the group's actor kept its state").isEqualTo(101);
      assertThat(inGroup.task(Counter::pid).remote().get(WAIT)).isEqualTo(inGroupPid);
      assertThat(late.task(Counter::value).remote().get(WAIT)).as("a new actor in the recovered group").isEqualTo(7);
      assertThat(collector.task(ChaosCollector::pid).remote().get(WAIT)).isEqualTo(collectorPid);
      assertThat(collector.task(ChaosCollector::missing, new int[] {2 * SEQS}).remote().get(WAIT))
          .as("sequence numbers that never reached the collector").isEmpty();
      long records = collector.task(ChaosCollector::records).remote().get(WAIT);
      System.out.printf("SchedulerChaosIT: %d calls sent, %d recorded (%d run twice across the restart)%n",
          2 * SEQS, records, records - 2 * SEQS);

      fl.kill(named);
      fl.kill(inGroup);
      fl.kill(late);
      fl.kill(collector);
      fl.removePlacementGroup(group);
      Await.until("every CPU back in the pool", WAIT, () -> cluster.status().getNodesList(),
          nodes -> nodes.size() == 2 && nodes.stream().allMatch(SchedulerChaosIT::idle));
    }
  }

  private static boolean idle(NodeStatus n) {
    return n.getAlive() && n.getRunningTasks() == 0
        && n.getAvailable().getAmountsOrDefault("CPU", -1) == n.getTotal().getAmountsOrDefault("CPU", -2);
  }
}
