package dev.flotilla.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.deploy.cluster.LocalCluster;
import dev.flotilla.runtime.internal.codepackage.ClassPaths;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A driver killed with SIGKILL: the scheduler notices, ends its job and frees its resources. */
class DriverDeathIT {
  @RegisterExtension
  static FlotillaClusterExtension cluster = FlotillaClusterExtension.withWorkers(2).configure(o -> o.cpusPerWorker(2));

  @Test
  void driverKilled_runningTaskCancelled_executorsStopped_cpusBack() throws Exception {
    LocalCluster c = cluster.cluster();
    var pb = new ProcessBuilder(List.of(
        ProcessHandle.current().info().command().orElse("java"),
        "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
        "-cp", ClassPaths.join(ClassPaths.current()),
        OrphanDriver.class.getName(), c.address().toString()));
    pb.redirectErrorStream(true);
    Process driver = pb.start();
    try (var out = new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("submitted")) {
        // skip the driver's log lines until it says the task is submitted
      }
      assertThat(line).as("the driver submitted its task").isNotNull();
    }
    Await.until("the task to run", Duration.ofSeconds(60), () -> c.status(), s -> s.getRunningTasks() == 1);

    driver.destroyForcibly().waitFor();

    var after = Await.until("the dead driver's task to be gone and every CPU free", Duration.ofSeconds(30),
        () -> c.status(),
        s -> s.getRunningTasks() == 0 && s.getNodesList().stream()
            .allMatch(n -> n.getAvailable().getAmountsOrDefault("CPU", -1) == n.getTotal().getAmountsOrDefault("CPU", -2)));
    assertThat(after.getPendingCount()).isZero();
    Await.until("the job's executors to exit", Duration.ofSeconds(30),
        () -> c.workers().stream().flatMap(w -> w.handle().descendants())
            .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains("ExecutorMain")).orElse(false))
            .count(),
        n -> n == 0);
  }
}
