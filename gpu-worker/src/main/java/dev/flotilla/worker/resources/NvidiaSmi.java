package dev.flotilla.worker.resources;

import static java.lang.System.Logger.Level.WARNING;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/** Runs and parses {@code nvidia-smi}'s CSV query output. */
final class NvidiaSmi {

  /** The query: one line per GPU, {@code index, name, memory.total} with memory in MiB. */
  static final List<String> QUERY =
      List.of("nvidia-smi", "--query-gpu=index,name,memory.total", "--format=csv,noheader,nounits");

  private static final System.Logger LOG = System.getLogger(NvidiaSmi.class.getName());

  private NvidiaSmi() {}

  /** The node's GPUs, or none when nvidia-smi is absent or fails. Blocks while it runs. */
  static List<GpuInfo> query(CommandRunner runner) {
    return runner.run(QUERY).map(NvidiaSmi::parse).orElse(List.of());
  }

  /**
   * Parses lines like {@code "0, NVIDIA H100 80GB HBM3, 81559"}, tolerating extra spaces, blank
   * lines and CRLF. The name may itself contain commas: the first field is the index and the last
   * the memory. Lines whose index is not a number are skipped (and logged); memory the driver
   * cannot report ({@code [N/A]}) is read as 0.
   */
  static List<GpuInfo> parse(String output) {
    List<GpuInfo> gpus = new ArrayList<>();
    for (String line : output.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      String[] fields = line.split(",");
      OptionalLong index = number(fields[0]);
      if (fields.length < 3 || index.isEmpty() || index.getAsLong() > Integer.MAX_VALUE) {
        LOG.log(WARNING, "ignoring unexpected nvidia-smi line: {0}", line);
        continue;
      }
      String model = String.join(",", List.of(fields).subList(1, fields.length - 1));
      gpus.add(
          new GpuInfo(
              (int) index.getAsLong(),
              model.strip().replaceAll("\\s+", " "),
              number(fields[fields.length - 1]).orElse(0)));
    }
    gpus.sort(Comparator.comparingInt(GpuInfo::index));
    return List.copyOf(gpus);
  }

  private static OptionalLong number(String field) {
    String digits = field.strip();
    if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(digits));
  }
}
