package dev.flotilla.scheduler.core;

import java.util.List;
import java.util.Objects;

/**
 * Resources held on one node for one task, as returned by {@link ClusterState#reserve}.
 *
 * @param gpuIndices the devices the task may use (its {@code CUDA_VISIBLE_DEVICES}): one index for
 *     a fractional GPU, {@code n} indices for {@code n} whole GPUs, empty for none
 */
public record Reservation(String nodeId, Resources resources, List<Integer> gpuIndices) {
  public Reservation {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(resources, "resources");
    gpuIndices = gpuIndices == null ? List.of() : List.copyOf(gpuIndices);
  }

  /** The share of each listed device this reservation holds (1 for whole GPUs). */
  public double gpuSharePerDevice() {
    return gpuIndices.isEmpty() ? 0 : resources.get(Resources.GPU) / gpuIndices.size();
  }
}
