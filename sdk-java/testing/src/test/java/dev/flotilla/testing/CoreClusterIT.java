package dev.flotilla.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.api.ClusterUnavailableException;
import dev.flotilla.api.Flotilla;
import dev.flotilla.api.GetTimeoutException;
import dev.flotilla.api.ObjectRef;
import dev.flotilla.api.TaskFailedException;
import dev.flotilla.api.TaskOptions;
import dev.flotilla.api.WaitResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The core runtime end to end: a real scheduler and two gpu-workers as OS processes. */
class CoreClusterIT {
  @RegisterExtension
  static FlotillaClusterExtension cluster = FlotillaClusterExtension.withWorkers(2)
      .configure(o -> o.cpusPerWorker(4).resourcesPerWorker("tpu-slice=2"));

  @Test
  void task_squareOfSeven_returnsFortyNine() {
    try (Flotilla fl = cluster.connect()) {
      assertThat(fl.task(MathFns::square, 7).remote().get()).isEqualTo(49);
    }
  }

  @Test
  void tasks_thousand_allResultsCorrect() {
    try (Flotilla fl = cluster.connect()) {
      List<ObjectRef<Integer>> refs = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        refs.add(fl.task(MathFns::square, i).remote());
      }
      List<Integer> results = fl.get(refs);
      for (int i = 0; i < 1000; i++) {
        assertThat(results.get(i)).as("square(%d)", i).isEqualTo(i * i);
      }
    }
  }

  @Test
  void nestedTasks_eightDeep_returnDepth() {
    try (Flotilla fl = cluster.connect()) {
      assertThat(fl.task(MathFns::nest, 8).remote().get(Duration.ofSeconds(120))).isEqualTo(8);
    }
  }

  @Test
  void put_64MiB_consumedOnBothNodes_sameChecksum() {
    byte[] data = new byte[64 << 20];
    new Random(42).nextBytes(data);
    long expected = MathFns.checksum(data);
    try (Flotilla fl = cluster.connect()) {
      ObjectRef<byte[]> big = fl.put(data);
      List<ObjectRef<Long>> sums = new ArrayList<>();
      // Each task takes a whole node's 4 CPUs and holds them, so the two run on different nodes.
      for (int i = 0; i < 2; i++) {
        sums.add(fl.task(MathFns::checksumThenHold, big, 2_000L)
            .options(TaskOptions.builder().cpus(4).build()).remote());
      }
      assertThat(fl.get(sums)).containsOnly(expected);
      var status = cluster.cluster().status();
      assertThat(status.getNodesList().stream().filter(n -> n.getStoreUsedBytes() >= (64L << 20)).count())
          .as("both nodes hold a copy of the 64 MiB object: %s", status)
          .isEqualTo(2);
      assertThat(big.get()).isEqualTo(data);
    }
  }

  @Test
  void taskThatThrows_get_throwsTaskFailedWithRemoteMessage() {
    try (Flotilla fl = cluster.connect()) {
      ObjectRef<String> r = fl.task(MathFns::fail, "boom 42").remote();
      assertThatThrownBy(r::get)
          .isInstanceOf(TaskFailedException.class)
          .hasMessageContaining("boom 42")
          .satisfies(e -> {
            var t = (TaskFailedException) e;
            assertThat(t.remoteClassName()).isEqualTo("java.lang.IllegalStateException");
            assertThat(t.taskName()).isEqualTo("MathFns.fail");
            assertThat(t.remoteStackTrace()).contains("MathFns.fail");
            assertThat(t.isApplicationError()).isTrue();
          });
    }
  }

  @Test
  void wait_someReady_splitsReadyAndNotReady() {
    try (Flotilla fl = cluster.connect()) {
      ObjectRef<Integer> fast = fl.task(MathFns::square, 3).remote();
      ObjectRef<Integer> slow = fl.task(MathFns::slowIdentity, 5, 60_000L).remote();
      WaitResult<Integer> w = fl.wait(List.of(fast, slow), 1, Duration.ofSeconds(30));
      assertThat(w.ready()).containsExactly(fast);
      assertThat(w.notReady()).containsExactly(slow);
    }
  }

  @Test
  void refArgument_passesValue() {
    try (Flotilla fl = cluster.connect()) {
      ObjectRef<Integer> a = fl.task(MathFns::square, 4).remote();
      ObjectRef<Integer> sum = fl.task(MathFns::add, a, 1).remote();
      assertThat(sum.get()).isEqualTo(17);
    }
  }

  @Test
  void getWithTimeout_taskStillRunning_throwsGetTimeout() {
    try (Flotilla fl = cluster.connect()) {
      ObjectRef<Integer> slow = fl.task(MathFns::slowIdentity, 1, 30_000L).remote();
      assertThatThrownBy(() -> slow.get(Duration.ofMillis(300)))
          .isInstanceOf(GetTimeoutException.class)
          .hasMessageContaining("not ready");
    }
  }

  @Test
  void connect_nothingListening_throwsClusterUnavailableNamingTheAddress() throws Exception {
    int port;
    try (var s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String address = "flotilla://127.0.0.1:" + port;
    assertThatThrownBy(() -> Flotilla.connect(address))
        .isInstanceOf(ClusterUnavailableException.class)
        .hasMessageContaining(address);
  }

  @Test
  void connect_malformedAddress_throwsIllegalArgument() {
    assertThatThrownBy(() -> Flotilla.connect("http://localhost:1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("flotilla://host:port");
  }

  @Test
  void customResource_declaredByWorkers_taskRuns_unknownResourcePendsWithReason() {
    try (Flotilla fl = cluster.connect()) {
      ObjectRef<Integer> r = fl.task(MathFns::square, 6)
          .options(TaskOptions.builder().resource("tpu-slice", 1).build()).remote();
      assertThat(r.get(Duration.ofSeconds(60))).isEqualTo(36);

      fl.task(MathFns::square, 2).options(TaskOptions.builder().resource("quantum", 1).name("q").build()).remote();
      var status = Await.until("the quantum task to pend with a reason", Duration.ofSeconds(30),
          () -> cluster.cluster().status(),
          s -> s.getPendingList().stream().anyMatch(p -> p.getName().equals("q") && p.getReason().contains("quantum")));
      assertThat(status.getPendingList()).isNotEmpty();
    }
  }

  @Test
  void nestedGet_ofJobRecord_isTheTasksOwnClass() {
    try (Flotilla fl = cluster.connect()) {
      assertThat(fl.task(Pair::sumThroughNestedTask, 20, 22).remote().get(Duration.ofSeconds(60))).isEqualTo(42);
      assertThat(fl.task(Pair::of, 1, 2).remote().get()).isEqualTo(new Pair(1, 2));
    }
  }
}
