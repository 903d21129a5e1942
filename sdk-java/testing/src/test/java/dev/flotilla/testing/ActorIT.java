package dev.flotilla.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.api.ActorDiedException;
import dev.flotilla.api.ActorHandle;
import dev.flotilla.api.ActorOptions;
import dev.flotilla.api.Flotilla;
import dev.flotilla.api.FlotillaException;
import dev.flotilla.api.ObjectRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Actors on a real cluster: order, names, handles, kill, restart, constructor failure. */
class ActorIT {
  @RegisterExtension
  static FlotillaClusterExtension cluster = FlotillaClusterExtension.withWorkers(2).configure(o -> o.cpusPerWorker(2));

  @Test
  void calls_fromOneCaller_runInSubmissionOrder() {
    try (Flotilla fl = cluster.connect()) {
      ActorHandle<Counter> c = fl.actor(Counter::new, 10).remote();
      List<ObjectRef<Integer>> totals = new ArrayList<>();
      for (int i = 1; i <= 200; i++) {
        totals.add(c.task(Counter::add, i).remote());
      }
      List<Integer> got = fl.get(totals);
      int expected = 10;
      for (int i = 1; i <= 200; i++) {
        expected += i;
        assertThat(got.get(i - 1)).as("running total after call %d", i).isEqualTo(expected);
      }
    }
  }

  @Test
  void namedActor_getActor_seesSameState_duplicateNameRejected() {
    try (Flotilla fl = cluster.connect()) {
      ActorHandle<Counter> c = fl.actor(Counter::new, 0)
          .options(ActorOptions.builder().name("counter").namespace("team-a").build()).remote();
      c.task(Counter::add, 5).remote().get();
      ActorHandle<Counter> same = fl.<Counter>getActor("counter", "team-a").orElseThrow();
      assertThat(same.task(Counter::value).remote().get()).isEqualTo(5);
      assertThat(fl.getActor("counter", "team-b")).isEmpty();
      assertThatThrownBy(() -> fl.actor(Counter::new, 1)
              .options(ActorOptions.builder().name("counter").namespace("team-a").build()).remote())
          .isInstanceOf(FlotillaException.class)
          .hasMessageContaining("already lives in namespace 'team-a'");
    }
  }

  @Test
  void handle_passedToTask_taskCallsActor() {
    try (Flotilla fl = cluster.connect()) {
      ActorHandle<Counter> c = fl.actor(Counter::new, 100).remote();
      assertThat(fl.task(Counter::addThrough, c, 7).remote().get(Duration.ofSeconds(60))).isEqualTo(107);
      assertThat(c.task(Counter::value).remote().get()).isEqualTo(107);
    }
  }

  @Test
  void kill_laterCallsFailWithActorDied_resourcesFreed() {
    try (Flotilla fl = cluster.connect()) {
      ActorHandle<Counter> c = fl.actor(Counter::new, 1)
          .options(ActorOptions.builder().cpus(2).name("doomed").build()).remote();
      c.ready(Duration.ofSeconds(60));
      fl.kill(c);
      assertThatThrownBy(() -> c.task(Counter::value).remote().get(Duration.ofSeconds(30)))
          .isInstanceOf(ActorDiedException.class)
          .hasMessageContaining("killed");
      assertThat(fl.getActor("doomed", ActorOptions.DEFAULT_NAMESPACE)).isEmpty();
      Await.until("every CPU back in the pool", Duration.ofSeconds(30), () -> cluster.cluster().status(),
          s -> s.getNodesList().stream().allMatch(n ->
              n.getAvailable().getAmountsOrDefault("CPU", -1) == n.getTotal().getAmountsOrDefault("CPU", -2)));
    }
  }

  @Test
  void executorKilled_actorRestarts_constructorRerun_newCallsWork() {
    try (Flotilla fl = cluster.connect()) {
      ActorHandle<Counter> c = fl.actor(Counter::new, 3)
          .options(ActorOptions.builder().maxRestarts(1).build()).remote();
      c.task(Counter::add, 4).remote().get();
      long pid = c.task(Counter::pid).remote().get();
      ProcessHandle.of(pid).orElseThrow().destroyForcibly();
      long newPid = Await.until("the restarted actor to answer", Duration.ofSeconds(60), () -> {
        try {
          return c.task(Counter::pid).remote().get(Duration.ofSeconds(30));
        } catch (ActorDiedException e) {
          return -1L;
        }
      }, p -> p > 0);
      assertThat(newPid).isNotEqualTo(pid);
      assertThat(c.task(Counter::value).remote().get()).as("the constructor ran again").isEqualTo(3);
    }
  }

  @Test
  void constructorThrows_readyAndCalls_throwActorDied() {
    try (Flotilla fl = cluster.connect()) {
      ActorHandle<Counter> c = fl.actor(Counter::new, -1).remote();
      assertThatThrownBy(() -> c.ready(Duration.ofSeconds(60)))
          .isInstanceOf(ActorDiedException.class)
          .hasMessageContaining("start must be >= 0");
      assertThatThrownBy(() -> c.task(Counter::value).remote().get(Duration.ofSeconds(30)))
          .isInstanceOf(ActorDiedException.class)
          .hasMessageContaining("constructor threw");
    }
  }

  @Test
  void maxConcurrency_four_callsOverlap_one_callsDoNot() {
    try (Flotilla fl = cluster.connect()) {
      ActorHandle<Gauge> wide = fl.actor(Gauge::new).options(ActorOptions.builder().maxConcurrency(4).build()).remote();
      ActorHandle<Gauge> narrow = fl.actor(Gauge::new).remote();
      List<ObjectRef<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(wide.task(Gauge::hold, 1_000L).remote());
        calls.add(narrow.task(Gauge::hold, 100L).remote());
      }
      fl.get(calls, Duration.ofSeconds(60));
      assertThat(wide.task(Gauge::most).remote().get()).isGreaterThan(1);
      assertThat(narrow.task(Gauge::most).remote().get()).isEqualTo(1);
    }
  }

  @Test
  void detachedActor_outlivesCreator_nonDetachedDiesWithIt() {
    String ns = "detach-test";
    try (Flotilla creator = cluster.connect()) {
      creator.actor(Counter::new, 42).options(ActorOptions.builder().name("keeper").namespace(ns)
          .lifetime(dev.flotilla.api.Lifetime.DETACHED).build()).remote().ready(Duration.ofSeconds(60));
      creator.actor(Counter::new, 1).options(ActorOptions.builder().name("temp").namespace(ns).build())
          .remote().ready(Duration.ofSeconds(60));
    }
    try (Flotilla other = cluster.connect()) {
      ActorHandle<Counter> keeper = other.<Counter>getActor("keeper", ns).orElseThrow();
      assertThat(keeper.task(Counter::value).remote().get(Duration.ofSeconds(30))).isEqualTo(42);
      assertThat(other.getActor("temp", ns)).as("a non-detached actor dies with its job").isEmpty();
      other.kill(keeper);
    }
  }
}
