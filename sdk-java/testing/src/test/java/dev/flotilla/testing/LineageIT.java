package dev.flotilla.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.api.Flotilla;
import dev.flotilla.api.ObjectLostException;
import dev.flotilla.api.ObjectRef;
import dev.flotilla.deploy.cluster.ManagedProcess;
import dev.flotilla.protocol.scheduler.v1.NodeStatus;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Objects lost with their node: task results are rebuilt from lineage, puts fail clearly. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LineageIT {
  @RegisterExtension
  static FlotillaClusterExtension cluster = FlotillaClusterExtension.withWorkers(3).configure(o -> o.cpusPerWorker(2));

  @Test
  @Order(1)
  void taskResultOnlyCopyLost_get_rebuildsFromLineage() {
    try (Flotilla fl = cluster.connect()) {
      ObjectRef<byte[]> big = fl.task(MathFns::bigArray, 7L).remote();
      fl.wait(java.util.List.of(big), 1, Duration.ofSeconds(60));
      killHolder();
      byte[] value = big.get(Duration.ofSeconds(60));
      assertThat(MathFns.checksum(value)).isEqualTo(MathFns.checksum(MathFns.bigArray(7L)));
    }
  }

  @Test
  @Order(2)
  void putOnlyCopyLost_get_throwsObjectLost() {
    // Earlier tests' objects are freed when their connections close; wait until no store holds
    // anything, so the only stored object is this put.
    Await.until("every store to be empty", Duration.ofSeconds(30), () -> cluster.cluster().status(),
        s -> s.getNodesList().stream().filter(NodeStatus::getAlive).allMatch(n -> n.getStoreUsedBytes() == 0));
    try (Flotilla fl = cluster.connect()) {
      ObjectRef<byte[]> put = fl.put(MathFns.bigArray(9L));
      killHolder();
      assertThatThrownBy(() -> put.get(Duration.ofSeconds(30)))
          .isInstanceOf(ObjectLostException.class)
          .hasMessageContaining("was lost");
    }
  }

  /** Kills the worker whose store holds the 1 MiB object (the only node storing anything). */
  private static void killHolder() {
    NodeStatus holder = Await.until("a node to report the stored object", Duration.ofSeconds(30),
        () -> cluster.cluster().status().getNodesList().stream()
            .filter(n -> n.getAlive() && n.getStoreUsedBytes() >= (1 << 20)).findFirst().orElse(null),
        n -> n != null);
    ManagedProcess worker = cluster.cluster().workerForNode(holder.getNodeId()).orElseThrow();
    worker.kill();
    Await.until("the scheduler to declare " + holder.getNodeId() + " dead", Duration.ofSeconds(30),
        () -> cluster.cluster().status().getNodesList().stream()
            .filter(n -> n.getNodeId().equals(holder.getNodeId())).findFirst().map(NodeStatus::getAlive).orElse(false),
        alive -> !alive);
  }
}
