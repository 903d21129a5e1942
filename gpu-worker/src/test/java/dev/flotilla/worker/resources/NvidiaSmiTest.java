package dev.flotilla.worker.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NvidiaSmiTest {

  private static final String H100 = "NVIDIA H100 80GB HBM3";

  @Test
  void parse_oneH100_givesOneGpu() {
    assertEquals(List.of(new GpuInfo(0, H100, 81559)), NvidiaSmi.parse(NvidiaSmiOutputs.ONE_H100));
  }

  @Test
  void parse_eightH100sWithRaggedSpacing_givesEightIdenticalGpusInOrder() {
    List<GpuInfo> expected =
        IntStream.range(0, 8).mapToObj(i -> new GpuInfo(i, H100, 81559)).toList();

    assertEquals(expected, NvidiaSmi.parse(NvidiaSmiOutputs.EIGHT_H100));
  }

  @Test
  void parse_nameWithCommaAndMemoryNotAvailable_keepsNameAndReadsZero() {
    assertEquals(
        List.of(new GpuInfo(0, "Vendor GPU, rev 2", 0)),
        NvidiaSmi.parse("0, Vendor GPU, rev 2, [N/A]\n"));
  }

  @Test
  void parse_linesThatAreNoGpus_areSkipped() {
    String output =
        """
        NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.
        x, NVIDIA H100 80GB HBM3, 81559
        1, only-two-fields
        2, NVIDIA L4, 23034
        """;

    assertEquals(List.of(new GpuInfo(2, "NVIDIA L4", 23034)), NvidiaSmi.parse(output));
  }

  @Test
  void parse_emptyOutput_givesNoGpus() {
    assertEquals(List.of(), NvidiaSmi.parse(""));
  }

  @Test
  void query_runsTheCsvQueryAndParsesItsOutput() {
    List<List<String>> commands = new ArrayList<>();

    List<GpuInfo> gpus =
        NvidiaSmi.query(
            command -> {
              commands.add(command);
              return Optional.of(NvidiaSmiOutputs.ONE_H100);
            });

    assertEquals(
        List.of(
            List.of(
                "nvidia-smi",
                "--query-gpu=index,name,memory.total",
                "--format=csv,noheader,nounits")),
        commands);
    assertEquals(1, gpus.size());
  }

  @Test
  void query_nvidiaSmiAbsent_givesNoGpus() {
    assertEquals(List.of(), NvidiaSmi.query(command -> Optional.empty()));
  }
}
