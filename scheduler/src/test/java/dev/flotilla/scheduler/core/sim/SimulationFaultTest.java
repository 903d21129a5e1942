package dev.flotilla.scheduler.core.sim;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.scheduler.core.Placement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulationFaultTest {
  private final Simulation sim = new Simulation();

  @AfterEach
  void nothingLeftOnTheClock() {
    sim.clock().assertNoPendingActions();
  }

  @Test
  void killNode_midRun_tasksRetriedElsewhereAndNothingNewLandsThere() {
    for (int i = 0; i < 10; i++) {
      sim.nodes(SimNode.named("n" + i).cpus(8));
    }
    for (int i = 0; i < 100; i++) {
      sim.submit(SimTask.named("t" + i).cpus(2).runsFor(ofSeconds(20)));
    }
    List<String> onN0 =
        sim.placements().stream()
            .filter(p -> p.nodeId().equals("n0"))
            .map(Placement::taskId)
            .toList();
    sim.at(ofSeconds(5)).killNode("n0");

    sim.runToCompletion();

    assertThat(onN0).isNotEmpty();
    assertThat(sim.finished()).hasSize(100).doesNotHaveDuplicates();
    assertThat(sim.placements()).hasSize(100 + onN0.size());
    assertThat(sim.placements().subList(40, sim.placements().size()))
        .noneSatisfy(p -> assertThat(p.nodeId()).isEqualTo("n0"));
  }

  @Test
  void run_largeParentOutput_childRunsWhereTheOutputIs() {
    for (int i = 0; i < 50; i++) {
      sim.nodes(SimNode.named("n" + i).cpus(8));
    }
    sim.submit(SimTask.named("filler").cpus(1).runsFor(ofSeconds(60)));
    sim.submit(SimTask.named("parent").cpus(4).outputs(50_000_000).runsFor(ofSeconds(1)));
    sim.submit(SimTask.named("child").cpus(1).after("parent"));
    String parentNode = sim.placements().get(1).nodeId();
    assertThat(sim.queue().reason("child")).contains("waiting for 1 argument");

    sim.runToCompletion();

    assertThat(sim.placements())
        .filteredOn(p -> p.taskId().equals("child"))
        .singleElement()
        .extracting(Placement::nodeId)
        .isEqualTo(parentNode);
  }

  @Test
  void run_nodeJoinsLater_impossibleTaskRunsThen() {
    sim.nodes(SimNode.named("small").cpus(4).gpus("A100", 1));
    sim.submit(SimTask.named("big").gpus(8).label("gpu.model", "H100"));
    assertThat(sim.queue().reason("big"))
        .contains("needs label gpu.model=H100; no alive node has it (gpu.model values seen: A100)");
    sim.at(ofSeconds(30)).addNode(SimNode.named("h").cpus(64).gpus("H100", 8));

    sim.runToCompletion();

    assertThat(sim.finished()).containsExactly("big");
    assertThat(sim.placements().getFirst().reservation().gpuIndices())
        .containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
  }

  @Test
  void run_twoJobsCompeting_shareTheNodeRoundRobin() {
    sim.nodes(SimNode.named("n0").cpus(2));
    for (int i = 0; i < 50; i++) {
      sim.submit(SimTask.named("a" + i).job("a").cpus(1).runsFor(ofSeconds(1)));
    }
    for (int i = 0; i < 10; i++) {
      sim.submit(SimTask.named("b" + i).job("b").cpus(1).runsFor(ofSeconds(1)));
    }

    sim.runToCompletion();

    List<String> firstTwenty =
        sim.placements().subList(0, 20).stream().map(Placement::taskId).toList();
    assertThat(firstTwenty.stream().filter(id -> id.startsWith("b")).count())
        .isGreaterThanOrEqualTo(9);
  }
}
