package dev.flotilla.worker.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GpuLabelsTest {

  @ParameterizedTest
  @CsvSource({
    "NVIDIA H100 80GB HBM3, H100",
    "NVIDIA H100 PCIe, H100",
    "NVIDIA H100 NVL, H100",
    "NVIDIA H200, H200",
    "NVIDIA GH200 480GB, GH200",
    "NVIDIA A100-SXM4-80GB, A100",
    "NVIDIA A100 80GB PCIe, A100",
    "Tesla V100-SXM2-16GB, V100",
    "Tesla T4, T4",
    "NVIDIA L4, L4",
    "NVIDIA L40S, L40S",
    "NVIDIA A10G, A10G",
    "h100, H100",
  })
  void family_knownModel_isFound(String model, String family) {
    assertEquals(Optional.of(family), GpuLabels.family(model));
  }

  @ParameterizedTest
  @ValueSource(strings = {"FakeGPU", "NVIDIA GeForce RTX 4090", "H1000", "XL4"})
  void family_unknownModel_isEmpty(String model) {
    assertEquals(Optional.empty(), GpuLabels.family(model));
  }

  @Test
  void of_eightH100s_labelsCountModelFamilyAndMemory() {
    List<GpuInfo> gpus = NvidiaSmi.parse(NvidiaSmiOutputs.EIGHT_H100);

    assertEquals(
        Map.of(
            "gpu.count", "8",
            "gpu.model", "NVIDIA H100 80GB HBM3",
            "gpu.family", "H100",
            "gpu.memory_mb", "81559"),
        GpuLabels.of(gpus));
  }

  @Test
  void of_unknownFamily_hasNoFamilyLabel() {
    assertEquals(
        Map.of("gpu.count", "1", "gpu.model", "FakeGPU", "gpu.memory_mb", "16384"),
        GpuLabels.of(List.of(new GpuInfo(0, "FakeGPU", 16384))));
  }

  @Test
  void of_noGpus_hasNoLabels() {
    assertEquals(Map.of(), GpuLabels.of(List.of()));
  }
}
