package dev.flotilla.scheduler.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.scheduler.core.sim.ClusterInvariants;
import dev.flotilla.scheduler.core.sim.SimNode;
import dev.flotilla.scheduler.core.sim.SimTask;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Whatever is submitted, every task ends up placed or pending with a reason. */
class TaskQueuePropertyTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final List<String> OBJECTS = List.of("o0", "o1", "o2", "o3");

  @Provide
  Arbitrary<List<SimTask>> tasks() {
    Arbitrary<SimTask> task =
        Combinators.combine(
                Arbitraries.of(0.0, 0.5, 1.0, 4.0, 100.0),
                Arbitraries.of(0.0, 0.0, 0.25, 0.5, 1.0, 2.0, 16.0),
                Arbitraries.of("", "", "H100", "A100", "TPUv9"),
                Arbitraries.of("a", "b", "c"),
                Arbitraries.subsetOf(OBJECTS).ofMaxSize(2),
                Arbitraries.of(0.0, 0.0, 1.0))
            .as(
                (cpu, gpu, model, job, deps, custom) -> {
                  SimTask t =
                      SimTask.named("t")
                          .job(job)
                          .cpus(cpu)
                          .gpus(gpu)
                          .resource("widget", custom)
                          .after(deps.toArray(String[]::new));
                  return model.isEmpty() ? t : t.label("gpu.model", model);
                });
    return task.list().ofMaxSize(60);
  }

  @Property(tries = 200)
  void schedule_anyWorkload_everyTaskPlacedOrHasReason(
      @ForAll("tasks") List<SimTask> tasks,
      @ForAll @IntRange(min = 0, max = 6) int cpuNodes,
      @ForAll @IntRange(min = 0, max = 3) int gpuNodes,
      @ForAll @IntRange(min = 0, max = 2) int deadNodes,
      @ForAll("readyObjects") Set<String> readyObjects) {
    ClusterState state = new ClusterState();
    for (int i = 0; i < cpuNodes; i++) {
      SimNode.named("c" + i).cpus(4).memoryMb(2048).resource("widget", i % 2).registerIn(state);
    }
    for (int i = 0; i < gpuNodes; i++) {
      SimNode.named("g" + i).cpus(16).gpus(i % 2 == 0 ? "H100" : "A100", 4).registerIn(state);
    }
    state.nodes().stream().limit(deadNodes).map(NodeView::nodeId).toList().forEach(state::markDead);
    TaskQueue queue = new TaskQueue(Planner.withDefaults());
    Map<String, SimTask> byId = new HashMap<>();
    for (int i = 0; i < tasks.size(); i++) {
      SimTask t = tasks.get(i);
      PlacementRequest r = t.request();
      PlacementRequest named =
          new PlacementRequest("t" + i, "t" + i, r.demand(), r.labelSelector(), Map.of());
      queue.add(t.jobId(), named, t.dependencies(), T0);
      byId.put("t" + i, t);
    }
    readyObjects.forEach(o -> queue.objectReady(o, Map.of()));

    List<Placement> placed = queue.schedule(state, T0);

    Set<String> placedIds = new HashSet<>();
    for (Placement p : placed) {
      assertThat(placedIds.add(p.taskId())).as("placed twice: " + p.taskId()).isTrue();
      assertThat(readyObjects).containsAll(byId.get(p.taskId()).dependencies());
      assertThat(p.reservation().resources()).isEqualTo(byId.get(p.taskId()).request().demand());
      assertThat(queue.reason(p.taskId())).isEmpty();
    }
    assertThat(placedIds.size() + queue.size()).isEqualTo(tasks.size());
    for (PendingView v : queue.pending()) {
      assertThat(placedIds).doesNotContain(v.taskId());
      assertThat(v.reason()).isNotBlank().doesNotContain("ready; waiting for the next");
      assertThat(queue.reason(v.taskId())).contains(v.reason());
    }
    ClusterInvariants.check(state);
  }

  @Provide
  Arbitrary<Set<String>> readyObjects() {
    return Arbitraries.subsetOf(OBJECTS);
  }
}
