package dev.flotilla.apiserver.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.protocol.common.v1.ResourceSet;
import dev.flotilla.protocol.scheduler.v1.ClusterStatusResponse;
import dev.flotilla.protocol.scheduler.v1.NodeStatus;
import dev.flotilla.protocol.scheduler.v1.PendingTask;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClusterViewsTest {
  private static ResourceSet set(double cpu, double gpu, double memoryMb) {
    return ResourceSet.newBuilder().putAmounts("CPU", cpu).putAmounts("GPU", gpu).putAmounts("memory_mb", memoryMb).build();
  }

  @Test
  void nodes_resourcesLabelsAndStore_butNeverTheAddress() {
    var status = ClusterStatusResponse.newBuilder().addNodes(NodeStatus.newBuilder().setNodeId("n2")
            .setAddress("10.1.2.3:7070").setAlive(true).setTotal(set(8, 2, 32768)).setAvailable(set(6, 1, 30000))
            .putLabels("gpu.model", "H100").setStoreUsedBytes(10).setStoreCapacityBytes(100).setRunningTasks(3))
        .addNodes(NodeStatus.newBuilder().setNodeId("n1").setAddress("10.1.2.4:7070").setTotal(set(2, 0, 1024))
            .setAvailable(set(2, 0, 1024)))
        .build();

    var nodes = ClusterViews.nodes(status);

    assertThat(nodes).extracting(DashboardDtos.Node::nodeId).containsExactly("n1", "n2");
    var n2 = nodes.get(1);
    assertThat(n2.cpu()).isEqualTo(new DashboardDtos.Amount(8, 6));
    assertThat(n2.gpu()).isEqualTo(new DashboardDtos.Amount(2, 1));
    assertThat(n2.memoryMb()).isEqualTo(new DashboardDtos.Amount(32768, 30000));
    assertThat(n2.labels()).containsEntry("gpu.model", "H100");
    assertThat(n2.storeUsedBytes()).isEqualTo(10);
    assertThat(n2.runningTasks()).isEqualTo(3);
    assertThat(nodes.get(0).alive()).isFalse();
    assertThat(nodes.toString()).doesNotContain("10.1.2.");
  }

  @Test
  void pending_oldestFirst_withReasonAndSince() {
    var status = ClusterStatusResponse.newBuilder()
        .addPending(PendingTask.newBuilder().setTaskId("t2").setName("b").setReason("workspace quota: GPU 1/1 in use")
            .setPendingSinceMs(2000))
        .addPending(PendingTask.newBuilder().setTaskId("t1").setName("a").setReason("no node has GPU 4").setPendingSinceMs(1000))
        .build();

    assertThat(ClusterViews.pending(status)).containsExactly(
        new DashboardDtos.Pending("t1", "a", "no node has GPU 4", Instant.ofEpochMilli(1000)),
        new DashboardDtos.Pending("t2", "b", "workspace quota: GPU 1/1 in use", Instant.ofEpochMilli(2000)));
  }
}
