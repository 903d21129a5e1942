package dev.flotilla.worker.resources;

import java.util.Objects;

/**
 * One GPU of this node, as the driver reports it.
 *
 * @param index the device index, as {@code CUDA_VISIBLE_DEVICES} counts it
 * @param model the model name, e.g. {@code "NVIDIA H100 80GB HBM3"}
 * @param memoryMb the device's total memory in MiB (0 if the driver did not say)
 */
public record GpuInfo(int index, String model, long memoryMb) {

  public GpuInfo {
    Objects.requireNonNull(model, "model");
    if (index < 0) {
      throw new IllegalArgumentException("GPU index must be >= 0, was " + index);
    }
    if (memoryMb < 0) {
      throw new IllegalArgumentException("GPU memory must be >= 0 MiB, was " + memoryMb);
    }
  }
}
