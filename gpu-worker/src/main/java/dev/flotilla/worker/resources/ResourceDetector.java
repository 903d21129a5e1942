package dev.flotilla.worker.resources;

import static java.lang.System.Logger.Level.INFO;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.IntSupplier;

/**
 * Discovers what this node can offer: CPUs, memory and GPUs, with labels describing the GPUs.
 *
 * <p>Environment variables override or replace detection:
 *
 * <ul>
 *   <li>{@code FLOTILLA_CPUS} — logical CPUs to advertise (positive), instead of {@link
 *       Runtime#availableProcessors()}.
 *   <li>{@code FLOTILLA_MEMORY_MB} — memory in MiB (positive), instead of {@code /proc/meminfo}
 *       (capped by the container's cgroup limit).
 *   <li>{@code FLOTILLA_FAKE_GPUS} — advertise this many fake GPUs (0 or more) and do not ask
 *       nvidia-smi; {@code FLOTILLA_FAKE_GPU_MODEL} names them (default {@code FakeGPU}), each with
 *       16384 MiB.
 * </ul>
 *
 * Blank values count as unset; invalid ones fail {@link #detect()} with an {@link
 * IllegalArgumentException} naming the variable. Without fake GPUs, GPUs come from {@code
 * nvidia-smi}; where it is absent or fails the node has none.
 *
 * <p>Threading: immutable and thread-safe; {@code detect()} blocks while nvidia-smi runs.
 */
public final class ResourceDetector {

  public static final String CPUS_ENV = "FLOTILLA_CPUS";
  public static final String MEMORY_MB_ENV = "FLOTILLA_MEMORY_MB";
  public static final String FAKE_GPUS_ENV = "FLOTILLA_FAKE_GPUS";
  public static final String FAKE_GPU_MODEL_ENV = "FLOTILLA_FAKE_GPU_MODEL";
  public static final String DEFAULT_FAKE_GPU_MODEL = "FakeGPU";
  public static final long FAKE_GPU_MEMORY_MB = 16384;

  private static final System.Logger LOG = System.getLogger(ResourceDetector.class.getName());

  private final Map<String, String> env;
  private final CommandRunner runner;
  private final Path root;
  private final IntSupplier processors;

  /**
   * @param env the environment to read overrides from (usually {@link System#getenv()})
   * @param runner runs nvidia-smi
   */
  public ResourceDetector(Map<String, String> env, CommandRunner runner) {
    this(env, runner, Path.of("/"), Runtime.getRuntime()::availableProcessors);
  }

  /**
   * For tests: {@code root} stands for the file-system root holding {@code proc} and {@code sys}.
   */
  ResourceDetector(
      Map<String, String> env, CommandRunner runner, Path root, IntSupplier processors) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    this.runner = Objects.requireNonNull(runner, "runner");
    this.root = Objects.requireNonNull(root, "root");
    this.processors = Objects.requireNonNull(processors, "processors");
  }

  /** Detects this machine's resources from the process environment and real commands. */
  public static ResourceDetector system() {
    return new ResourceDetector(System.getenv(), CommandRunner.system());
  }

  /**
   * Detects the node's resources. Blocks while nvidia-smi runs (bounded by the runner's timeout).
   *
   * @throws IllegalArgumentException if an override variable holds an invalid value
   */
  public NodeResources detect() {
    int cpus = (int) positive(CPUS_ENV, Integer.MAX_VALUE).orElseGet(processors::getAsInt);
    long memoryMb =
        positive(MEMORY_MB_ENV, Long.MAX_VALUE).orElseGet(() -> MemoryProbe.memoryMb(root));
    List<GpuInfo> gpus = gpus();
    NodeResources resources = new NodeResources(cpus, memoryMb, gpus, GpuLabels.of(gpus));
    LOG.log(
        INFO,
        "node resources: cpus={0} memoryMb={1} gpus={2} labels={3}",
        Integer.toString(cpus),
        Long.toString(memoryMb),
        Integer.toString(gpus.size()),
        resources.labels());
    return resources;
  }

  private List<GpuInfo> gpus() {
    Optional<String> fake = value(FAKE_GPUS_ENV);
    if (fake.isEmpty()) {
      return NvidiaSmi.query(runner);
    }
    int count = parseFakeGpuCount(fake.get());
    String model = value(FAKE_GPU_MODEL_ENV).orElse(DEFAULT_FAKE_GPU_MODEL);
    List<GpuInfo> gpus = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      gpus.add(new GpuInfo(i, model, FAKE_GPU_MEMORY_MB));
    }
    return gpus;
  }

  private static int parseFakeGpuCount(String text) {
    try {
      int count = Integer.parseInt(text);
      if (count >= 0) {
        return count;
      }
    } catch (NumberFormatException e) {
      // Reported below with the variable's name.
    }
    throw new IllegalArgumentException(
        "%s must be a whole number of fake GPUs, 0 or more, but was '%s'"
            .formatted(FAKE_GPUS_ENV, text));
  }

  /** A positive whole number from {@code name}, at most {@code max}; empty when unset. */
  private OptionalLong positive(String name, long max) {
    Optional<String> text = value(name);
    if (text.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      long n = Long.parseLong(text.get());
      if (n > 0 && n <= max) {
        return OptionalLong.of(n);
      }
    } catch (NumberFormatException e) {
      // Reported below with the variable's name.
    }
    throw new IllegalArgumentException(
        "%s must be a positive whole number (at most %d), but was '%s'"
            .formatted(name, max, text.get()));
  }

  /** The variable's value, stripped; empty when unset or blank. */
  private Optional<String> value(String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }
}
