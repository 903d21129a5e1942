package dev.flotilla.worker.resources;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Derives a node's GPU labels from its GPUs. */
final class GpuLabels {

  /**
   * Known families, matched as whole words of the model name so that {@code L4} does not match
   * {@code L40S}. Data-center NVIDIA parts a scheduler is asked for by name.
   */
  private static final Set<String> FAMILIES =
      Set.of(
          "GB200", "GH200", "B200", "B100", "H200", "H100", "H800", "H20", "A100", "A800", "A40",
          "A30", "A10G", "A10", "L40S", "L40", "L4", "T4", "V100", "P100", "P40", "P4", "K80");

  private GpuLabels() {}

  /**
   * {@code gpu.count}, and {@code gpu.model}, {@code gpu.memory_mb} and (when known) {@code
   * gpu.family} of GPU 0; no labels when there are no GPUs.
   */
  static Map<String, String> of(List<GpuInfo> gpus) {
    if (gpus.isEmpty()) {
      return Map.of();
    }
    GpuInfo first = gpus.getFirst();
    Map<String, String> labels = new TreeMap<>();
    labels.put(NodeResources.GPU_COUNT, Integer.toString(gpus.size()));
    labels.put(NodeResources.GPU_MODEL, first.model());
    labels.put(NodeResources.GPU_MEMORY_MB, Long.toString(first.memoryMb()));
    family(first.model()).ifPresent(f -> labels.put(NodeResources.GPU_FAMILY, f));
    return labels;
  }

  /** The family named in a model, e.g. {@code H100} in {@code NVIDIA H100 80GB HBM3}. */
  static Optional<String> family(String model) {
    for (String word : model.toUpperCase(Locale.ROOT).split("[^A-Z0-9]+")) {
      if (FAMILIES.contains(word)) {
        return Optional.of(word);
      }
    }
    return Optional.empty();
  }
}
