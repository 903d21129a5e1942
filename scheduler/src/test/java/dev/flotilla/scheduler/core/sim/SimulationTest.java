package dev.flotilla.scheduler.core.sim;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.scheduler.core.NodeView;
import dev.flotilla.scheduler.core.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulationTest {
  private final Simulation sim = new Simulation();

  @AfterEach
  void nothingLeftOnTheClock() {
    sim.clock().assertNoPendingActions();
  }

  private static List<SimNode> fleet(int cpuNodes, int gpuNodes) {
    List<SimNode> nodes = new ArrayList<>();
    for (int i = 0; i < cpuNodes; i++) {
      nodes.add(SimNode.named("c" + i).cpus(32).memoryMb(131_072));
    }
    for (int i = 0; i < gpuNodes; i++) {
      nodes.add(
          SimNode.named("g" + i).cpus(64).memoryMb(524_288).gpus(i % 2 == 0 ? "H100" : "A100", 8));
    }
    return nodes;
  }

  private static SimTask randomTask(Random random, int i) {
    SimTask t =
        SimTask.named("t" + i)
            .job("job" + random.nextInt(4))
            .cpus(1 + random.nextInt(8))
            .memoryMb(1024 * (1 + random.nextInt(8)))
            .runsFor(ofMillis(500 + random.nextInt(20_000)));
    return switch (random.nextInt(6)) {
      case 0 -> t.gpus(List.of(0.25, 0.5, 1.0, 2.0, 8.0).get(random.nextInt(5)));
      case 1 -> t.gpus(1).label("gpu.model", "H100");
      default -> t;
    };
  }

  @Test
  void run_mixedWorkloadOnHundredsOfNodes_everyTaskFinishesAndCapacityReturns() {
    sim.nodes(fleet(200, 100));
    Random random = new Random(42);
    int tasks = 3_000;
    for (int i = 0; i < tasks; i++) {
      sim.at(ofMillis(2L * i)).submit(randomTask(random, i));
    }

    sim.runToCompletion();

    assertThat(sim.finished()).hasSize(tasks).doesNotHaveDuplicates();
    assertThat(sim.queue().size()).isZero();
    for (NodeView n : sim.state().nodes()) {
      assertThat(n.available()).as(n.nodeId()).isEqualTo(n.total());
    }
  }

  @Test
  void run_cpuOnlyTasks_stayOffGpuNodesWhileCpuNodesHaveRoom() {
    sim.nodes(fleet(100, 50));
    for (int i = 0; i < 1_000; i++) {
      sim.submit(SimTask.named("t" + i).cpus(2).runsFor(ofSeconds(10)));
    }

    assertThat(sim.placements())
        .hasSize(1_000)
        .allSatisfy(p -> assertThat(p.nodeId()).startsWith("c"));
    sim.runToCompletion();
  }

  @Test
  void run_lightLoad_packsOntoFewNodes() {
    sim.nodes(fleet(100, 0));
    for (int i = 0; i < 64; i++) {
      sim.submit(SimTask.named("t" + i).cpus(1).runsFor(ofSeconds(10)));
    }

    long nodesUsed = sim.placements().stream().map(Placement::nodeId).distinct().count();
    assertThat(nodesUsed).isEqualTo(4); // packed to the 50% threshold: 16 of 32 CPUs per node
    sim.runToCompletion();
  }

  @Test
  void run_fractionalGpus_packFourPerDeviceWithoutOvercommit() {
    sim.nodes(SimNode.named("g0").cpus(64).gpus(8));
    for (int i = 0; i < 40; i++) {
      sim.submit(SimTask.named("t" + i).cpus(1).gpus(0.25).runsFor(ofSeconds(5)));
    }

    assertThat(sim.running()).hasSize(32);
    assertThat(sim.queue().reason("t39"))
        .contains("needs GPU:0.25; the most free on any node is GPU:0 (node g0)");
    sim.runToCompletion();
    assertThat(sim.finished()).hasSize(40);
  }
}
