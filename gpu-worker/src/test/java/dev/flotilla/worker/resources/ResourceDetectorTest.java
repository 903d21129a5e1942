package dev.flotilla.worker.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Detection over a fake file-system root, a fake nvidia-smi and a 16-CPU machine. */
class ResourceDetectorTest {

  private static final String MEMINFO =
      """
      MemTotal:       131912340 kB
      MemFree:        90412312 kB
      MemAvailable:   120001234 kB
      """;

  @TempDir Path root;
  private final Map<String, String> env = new HashMap<>();
  private final List<List<String>> commands = new ArrayList<>();
  private String nvidiaSmiOutput;

  @BeforeEach
  void machine() throws IOException {
    write("proc/meminfo", MEMINFO);
  }

  @Test
  void detect_plainMachine_readsCpusAndMeminfo() {
    NodeResources resources = detect();

    assertEquals(16, resources.cpus());
    assertEquals(131912340L / 1024, resources.memoryMb());
    assertEquals(List.of(), resources.gpus());
    assertEquals(Map.of(), resources.labels());
  }

  @Test
  void detect_nvidiaSmiWithEightH100s_advertisesThemWithLabels() {
    nvidiaSmiOutput = NvidiaSmiOutputs.EIGHT_H100;

    NodeResources resources = detect();

    assertEquals(8, resources.gpus().size());
    assertEquals(new GpuInfo(7, "NVIDIA H100 80GB HBM3", 81559), resources.gpus().get(7));
    assertEquals("H100", resources.labels().get(NodeResources.GPU_FAMILY));
    assertEquals("8", resources.labels().get(NodeResources.GPU_COUNT));
    assertEquals(List.of(NvidiaSmi.QUERY), commands);
  }

  @Test
  void detect_fakeGpus_advertisesThemWithoutAskingNvidiaSmi() {
    nvidiaSmiOutput = NvidiaSmiOutputs.EIGHT_H100;
    env.put("FLOTILLA_FAKE_GPUS", "2");

    NodeResources resources = detect();

    assertEquals(
        List.of(new GpuInfo(0, "FakeGPU", 16384), new GpuInfo(1, "FakeGPU", 16384)),
        resources.gpus());
    assertEquals(
        Map.of("gpu.count", "2", "gpu.model", "FakeGPU", "gpu.memory_mb", "16384"),
        resources.labels());
    assertEquals(List.of(), commands);
  }

  @Test
  void detect_fakeGpuModelOfAKnownFamily_labelsTheFamily() {
    env.put("FLOTILLA_FAKE_GPUS", " 4 ");
    env.put("FLOTILLA_FAKE_GPU_MODEL", "NVIDIA H200");

    NodeResources resources = detect();

    assertEquals(4, resources.gpus().size());
    assertEquals("NVIDIA H200", resources.labels().get(NodeResources.GPU_MODEL));
    assertEquals("H200", resources.labels().get(NodeResources.GPU_FAMILY));
  }

  @Test
  void detect_zeroFakeGpus_hidesRealOnes() {
    nvidiaSmiOutput = NvidiaSmiOutputs.ONE_H100;
    env.put("FLOTILLA_FAKE_GPUS", "0");

    assertEquals(List.of(), detect().gpus());
    assertEquals(List.of(), commands);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-1", "1.5", "99999999999", "2 GPUs"})
  void detect_invalidFakeGpus_failsNamingTheVariable(String value) {
    env.put("FLOTILLA_FAKE_GPUS", value);

    var e = assertThrows(IllegalArgumentException.class, this::detect);

    assertEquals(
        "FLOTILLA_FAKE_GPUS must be a whole number of fake GPUs, 0 or more, but was '"
            + value
            + "'",
        e.getMessage());
  }

  @Test
  void detect_cpuAndMemoryOverrides_winOverDetection() {
    env.put("FLOTILLA_CPUS", "3");
    env.put("FLOTILLA_MEMORY_MB", "2048");

    NodeResources resources = detect();

    assertEquals(3, resources.cpus());
    assertEquals(2048, resources.memoryMb());
  }

  @Test
  void detect_blankOverrides_areIgnored() {
    env.put("FLOTILLA_CPUS", " ");
    env.put("FLOTILLA_MEMORY_MB", "");
    env.put("FLOTILLA_FAKE_GPUS", "");

    NodeResources resources = detect();

    assertEquals(16, resources.cpus());
    assertEquals(131912340L / 1024, resources.memoryMb());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-2", "many", "3000000000"})
  void detect_invalidCpus_failsNamingTheVariable(String value) {
    env.put("FLOTILLA_CPUS", value);

    var e = assertThrows(IllegalArgumentException.class, this::detect);

    assertTrue(e.getMessage().startsWith("FLOTILLA_CPUS must be a positive whole number"));
    assertTrue(e.getMessage().endsWith("but was '" + value + "'"), e.getMessage());
  }

  @Test
  void detect_invalidMemory_failsNamingTheVariable() {
    env.put("FLOTILLA_MEMORY_MB", "16G");

    var e = assertThrows(IllegalArgumentException.class, this::detect);

    assertTrue(e.getMessage().startsWith("FLOTILLA_MEMORY_MB must be a positive"), e.getMessage());
  }

  @Test
  void detect_cgroupV2LimitBelowMemTotal_capsMemory() throws IOException {
    write("sys/fs/cgroup/memory.max", "8589934592\n");

    assertEquals(8192, detect().memoryMb());
  }

  @Test
  void detect_cgroupWithoutLimit_keepsMemTotal() throws IOException {
    write("sys/fs/cgroup/memory.max", "max\n");
    write("sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n");

    assertEquals(131912340L / 1024, detect().memoryMb());
  }

  @Test
  void detect_cgroupV1Limit_capsMemory() throws IOException {
    write("sys/fs/cgroup/memory/memory.limit_in_bytes", "4294967296");

    assertEquals(4096, detect().memoryMb());
  }

  @Test
  void detect_withoutProcMeminfo_fallsBackToTheJvmsView() throws IOException {
    Files.delete(root.resolve("proc/meminfo"));

    assertTrue(detect().memoryMb() > 0);
  }

  @Test
  void memTotalBytes_parsesKibibytes() {
    assertEquals(131912340L * 1024, MemoryProbe.memTotalBytes(MEMINFO).orElseThrow());
    assertTrue(MemoryProbe.memTotalBytes("MemFree: 1 kB").isEmpty());
  }

  private NodeResources detect() {
    CommandRunner runner =
        command -> {
          commands.add(command);
          return Optional.ofNullable(nvidiaSmiOutput);
        };
    return new ResourceDetector(env, runner, root, () -> 16).detect();
  }

  private void write(String relative, String text) throws IOException {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
