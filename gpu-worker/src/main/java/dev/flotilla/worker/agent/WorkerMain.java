package dev.flotilla.worker.agent;

import dev.flotilla.runtime.internal.codepackage.ClassPaths;
import dev.flotilla.runtime.internal.codepackage.RuntimeClasspath;
import dev.flotilla.worker.resources.CustomResources;
import dev.flotilla.worker.resources.NodeResources;
import dev.flotilla.worker.resources.ResourceDetector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a gpu-worker. Options: {@code --scheduler flotilla://host:port} (or FLOTILLA_ADDRESS),
 * {@code --host}, {@code --port} (0 = any free), {@code --work-dir}, {@code --store-mb}, {@code
 * --resources name=amount,...} (FLOTILLA_RESOURCES), {@code --labels k=v,...} (FLOTILLA_LABELS).
 * FLOTILLA_FAKE_GPUS=N advertises N fake GPUs.
 */
public final class WorkerMain {
  private WorkerMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Map<String, String> opts = parse(args);
    String scheduler = opts.getOrDefault("scheduler", System.getenv("FLOTILLA_ADDRESS"));
    if (scheduler == null || scheduler.isBlank()) {
      System.err.println("gpu-worker: give --scheduler flotilla://host:port (or set FLOTILLA_ADDRESS)");
      System.exit(2);
    }
    NodeResources resources = ResourceDetector.system().detect();
    var config = new WorkerConfig(
        scheduler,
        opts.getOrDefault("host", "127.0.0.1"),
        Integer.parseInt(opts.getOrDefault("port", "0")),
        Path.of(opts.getOrDefault("work-dir", System.getProperty("user.home") + "/.flotilla/worker-" + ProcessHandle.current().pid())),
        Long.parseLong(opts.getOrDefault("store-mb", "1024")) << 20,
        ProcessHandle.current().info().command().orElse("java"),
        RuntimeClasspath.get().runtimeEntries(ClassPaths.current()),
        List.of("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED",
            "-XX:+UseParallelGC", "-Xss2m"),
        CustomResources.parseResources(opts.getOrDefault("resources", System.getenv(CustomResources.RESOURCES_ENV))),
        CustomResources.parseLabels(opts.getOrDefault("labels", System.getenv(CustomResources.LABELS_ENV))),
        executorRoot(opts.getOrDefault("executor-root", System.getenv("FLOTILLA_EXECUTOR_ROOT"))));
    WorkerAgent agent = WorkerAgent.start(config, resources);
    System.out.println("flotilla gpu-worker " + agent.nodeId() + " listening on " + config.host() + ":" + agent.port()
        + " with " + resources.cpus() + " CPUs, " + resources.gpus().size() + " GPUs");
    Runtime.getRuntime().addShutdownHook(new Thread(agent::close));
    agent.awaitTermination();
  }

  private static Path executorRoot(String value) {
    return value == null || value.isBlank() ? null : Path.of(value);
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || (a.indexOf('=') < 0 && i + 1 >= args.length)) {
        throw new IllegalArgumentException("bad option: " + a + " (use --name value)");
      }
      int eq = a.indexOf('=');
      if (eq > 0) {
        out.put(a.substring(2, eq), a.substring(eq + 1));
      } else {
        out.put(a.substring(2), args[++i]);
      }
    }
    return out;
  }
}
