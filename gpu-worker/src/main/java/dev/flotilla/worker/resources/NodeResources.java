package dev.flotilla.worker.resources;

import java.util.List;
import java.util.Map;

/**
 * What this node offers to the scheduler: CPUs, memory, GPUs and labels describing them.
 *
 * @param cpus logical CPUs
 * @param memoryMb memory in MiB
 * @param gpus the GPUs, ordered by index; empty on a node without GPUs
 * @param labels facts for placement constraints, e.g. {@code gpu.family=H100}; see the constants
 */
public record NodeResources(
    int cpus, long memoryMb, List<GpuInfo> gpus, Map<String, String> labels) {

  /** Model of GPU 0, e.g. {@code NVIDIA H100 80GB HBM3}. */
  public static final String GPU_MODEL = "gpu.model";

  /** Family of GPU 0 when it is a known one, e.g. {@code H100}. */
  public static final String GPU_FAMILY = "gpu.family";

  /** Number of GPUs. */
  public static final String GPU_COUNT = "gpu.count";

  /** Memory of GPU 0 in MiB. */
  public static final String GPU_MEMORY_MB = "gpu.memory_mb";

  public NodeResources {
    if (cpus <= 0) {
      throw new IllegalArgumentException("cpus must be > 0, was " + cpus);
    }
    if (memoryMb <= 0) {
      throw new IllegalArgumentException("memoryMb must be > 0, was " + memoryMb);
    }
    gpus = List.copyOf(gpus);
    labels = Map.copyOf(labels);
  }
}
