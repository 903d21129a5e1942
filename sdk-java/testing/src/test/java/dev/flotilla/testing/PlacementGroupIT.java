package dev.flotilla.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.api.ActorDiedException;
import dev.flotilla.api.ActorHandle;
import dev.flotilla.api.ActorOptions;
import dev.flotilla.api.Bundle;
import dev.flotilla.api.Flotilla;
import dev.flotilla.api.GetTimeoutException;
import dev.flotilla.api.PlacementGroup;
import dev.flotilla.api.PlacementStrategy;
import dev.flotilla.api.TaskOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Gangs reserved all-or-nothing, tasks and actors placed in bundles, removal freeing all. */
class PlacementGroupIT {
  @RegisterExtension
  static FlotillaClusterExtension cluster = FlotillaClusterExtension.withWorkers(2)
      .configure(o -> o.cpusPerWorker(2).gpusPerWorker(1));

  private static final Bundle CPU_GPU = Bundle.of(Map.of("CPU", 1.0, "GPU", 1.0));

  @Test
  void strictSpread_twoBundles_actorsLandOnDifferentNodes_removeKillsThemAndFreesAll() {
    try (Flotilla fl = cluster.connect()) {
      PlacementGroup pg = fl.placementGroup(List.of(CPU_GPU, CPU_GPU), PlacementStrategy.STRICT_SPREAD);
      pg.ready(Duration.ofSeconds(30));
      ActorHandle<GpuProbe> a = fl.actor(GpuProbe::new).options(ActorOptions.builder().cpus(1).gpus(1).placementGroup(pg, 0).build()).remote();
      ActorHandle<GpuProbe> b = fl.actor(GpuProbe::new).options(ActorOptions.builder().cpus(1).gpus(1).placementGroup(pg, 1).build()).remote();
      String whereA = a.task(GpuProbe::where).remote().get(Duration.ofSeconds(60));
      String whereB = b.task(GpuProbe::where).remote().get(Duration.ofSeconds(60));
      assertThat(whereA.split(":")[0]).isNotEqualTo(whereB.split(":")[0]);

      fl.removePlacementGroup(pg);
      assertThatThrownBy(() -> a.task(GpuProbe::where).remote().get(Duration.ofSeconds(30)))
          .isInstanceOf(ActorDiedException.class).hasMessageContaining("placement group");
      Await.until("every CPU and GPU back in the pool", Duration.ofSeconds(30), () -> cluster.cluster().status(),
          s -> s.getNodesList().stream().allMatch(n -> n.getAvailable().getAmountsMap().equals(n.getTotal().getAmountsMap())));
    }
  }

  @Test
  void strictSpread_moreBundlesThanNodes_notReady_pendingWithReason() {
    try (Flotilla fl = cluster.connect()) {
      PlacementGroup pg = fl.placementGroup(List.of(Bundle.of(Map.of("CPU", 1.0)), Bundle.of(Map.of("CPU", 1.0)),
          Bundle.of(Map.of("CPU", 1.0))), PlacementStrategy.STRICT_SPREAD);
      assertThatThrownBy(() -> pg.ready(Duration.ofSeconds(2))).isInstanceOf(GetTimeoutException.class);
      var s = cluster.cluster().status();
      assertThat(s.getPendingList()).anySatisfy(p -> {
        assertThat(p.getTaskId()).isEqualTo(pg.id());
        assertThat(p.getReason()).contains("STRICT_SPREAD");
      });
      fl.removePlacementGroup(pg);
    }
  }

  @Test
  void strictPack_tasksInBothBundles_runOnOneNode() {
    try (Flotilla fl = cluster.connect()) {
      PlacementGroup pg = fl.placementGroup(List.of(Bundle.of(Map.of("CPU", 1.0)), Bundle.of(Map.of("CPU", 1.0))),
          PlacementStrategy.STRICT_PACK);
      pg.ready(Duration.ofSeconds(30));
      String n0 = fl.task(MathFns::nodeId).options(TaskOptions.builder().placementGroup(pg, 0).build()).remote().get(Duration.ofSeconds(60));
      String n1 = fl.task(MathFns::nodeId).options(TaskOptions.builder().placementGroup(pg, 1).build()).remote().get(Duration.ofSeconds(60));
      assertThat(n0).isEqualTo(n1);
      fl.removePlacementGroup(pg);
    }
  }
}
