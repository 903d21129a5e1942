package dev.flotilla.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.api.ActorHandle;
import dev.flotilla.api.ActorOptions;
import dev.flotilla.api.Bundle;
import dev.flotilla.api.Flotilla;
import dev.flotilla.api.ObjectRef;
import dev.flotilla.api.PlacementGroup;
import dev.flotilla.api.PlacementStrategy;
import dev.flotilla.api.TaskOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GPU placement on fake H100s: whole and fractional devices, accelerator labels, actor GPUs. */
class GpuPlacementIT {
  @RegisterExtension
  static FlotillaClusterExtension cluster = FlotillaClusterExtension.withWorkers(2)
      .configure(o -> o.cpusPerWorker(4).gpusPerWorker(2).fakeGpuModel("NVIDIA H100 80GB HBM3"));

  @Test
  void wholeGpus_twoPerTask_seeBothDevices() {
    try (Flotilla fl = cluster.connect()) {
      String devices = fl.task(MathFns::cudaVisibleDevices)
          .options(TaskOptions.builder().gpus(2).build()).remote().get(Duration.ofSeconds(60));
      assertThat(devices).isEqualTo("0,1");
    }
  }

  @Test
  void fractionalGpus_halfEach_eachSeesExactlyOneDevice() {
    try (Flotilla fl = cluster.connect()) {
      List<ObjectRef<String>> refs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        refs.add(fl.task(MathFns::cudaVisibleDevices).options(TaskOptions.builder().gpus(0.5).build()).remote());
      }
      assertThat(fl.get(refs, Duration.ofSeconds(120))).allSatisfy(d -> assertThat(d).isIn("0", "1"));
    }
  }

  @Test
  void accelerator_matchingFamily_runs_otherFamily_pendsWithReason() {
    try (Flotilla fl = cluster.connect()) {
      String d = fl.task(MathFns::cudaVisibleDevices)
          .options(TaskOptions.builder().gpus(1).accelerator("H100").build()).remote().get(Duration.ofSeconds(60));
      assertThat(d).isIn("0", "1");
      fl.task(MathFns::cudaVisibleDevices).options(TaskOptions.builder().gpus(1).accelerator("A100").name("a100").build()).remote();
      var s = Await.until("the A100 task to pend with a reason", Duration.ofSeconds(30), () -> cluster.cluster().status(),
          st -> st.getPendingList().stream().anyMatch(p -> p.getName().equals("a100") && p.getReason().contains("A100")));
      assertThat(s.getPendingList()).isNotEmpty();
    }
  }

  @Test
  void actorsWithOneGpuEach_fourOnTwoNodes_distinctDevicesPerNode() {
    try (Flotilla fl = cluster.connect()) {
      List<ActorHandle<GpuProbe>> actors = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        actors.add(fl.actor(GpuProbe::new).options(ActorOptions.builder().gpus(1).build()).remote());
      }
      List<ObjectRef<String>> seen = new ArrayList<>();
      for (ActorHandle<GpuProbe> a : actors) {
        seen.add(a.task(GpuProbe::where).remote());
      }
      List<String> where = fl.get(seen, Duration.ofSeconds(120));
      assertThat(where).as("node:device pairs, never shared").doesNotHaveDuplicates().hasSize(4);
    }
  }

  @Test
  void twoGpuBundle_oneGpuActorsInIt_eachSeesItsOwnDevice() {
    try (Flotilla fl = cluster.connect()) {
      PlacementGroup pg = fl.placementGroup(List.of(Bundle.of(Map.of("CPU", 2.0, "GPU", 2.0))), PlacementStrategy.STRICT_PACK);
      pg.ready(Duration.ofSeconds(60));
      List<ObjectRef<String>> seen = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        ActorHandle<GpuProbe> a = fl.actor(GpuProbe::new)
            .options(ActorOptions.builder().cpus(1).gpus(1).placementGroup(pg, 0).build()).remote();
        seen.add(a.task(GpuProbe::where).remote());
      }
      List<String> where = fl.get(seen, Duration.ofSeconds(120));
      assertThat(where).as("node:device of each actor in the bundle").doesNotHaveDuplicates()
          .allSatisfy(w -> assertThat(w).matches(".+:[01]"));
      assertThat(where.get(0).split(":")[0]).as("one bundle, one node").isEqualTo(where.get(1).split(":")[0]);
      fl.removePlacementGroup(pg);
    }
  }
}
