package dev.flotilla.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Combines the CSVs of several {@link CoreBenchmarks} runs: per figure, the median of the runs'
 * medians, the lowest min and highest max of any timed round, and each run's median, beside Ray's
 * published figure. Prints markdown; with {@code --out FILE} also writes it there.
 *
 * <p>usage: {@code SummarizeRuns [--out FILE] run1.csv run2.csv ...}
 */
public final class SummarizeRuns {
  private SummarizeRuns() {}

  private record Row(String unit, double median, double min, double max, boolean steady) {}

  public static void main(String[] argv) throws IOException {
    Path out = null;
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < argv.length; i++) {
      if (argv[i].equals("--out") && i + 1 < argv.length) {
        out = Path.of(argv[++i]);
      } else {
        files.add(Path.of(argv[i]));
      }
    }
    if (files.isEmpty()) {
      System.err.println("usage: SummarizeRuns [--out FILE] run1.csv run2.csv ...");
      System.exit(2);
    }
    Map<String, List<Row>> byName = new LinkedHashMap<>();
    for (Path f : files) {
      for (String line : Files.readAllLines(f)) {
        if (line.isBlank() || line.startsWith("benchmark,")) {
          continue;
        }
        String[] c = line.split(",");
        byName.computeIfAbsent(c[0], k -> new ArrayList<>()).add(new Row(c[1], Double.parseDouble(c[2]),
            Double.parseDouble(c[3]), Double.parseDouble(c[4]), Boolean.parseBoolean(c[7])));
      }
    }
    String md = markdown(byName, files.size());
    System.out.print(md);
    if (out != null) {
      Report.write(out, md);
    }
  }

  static String markdown(Map<String, List<Row>> byName, int runs) {
    var sb = new StringBuilder();
    sb.append("| benchmark | median of ").append(runs).append(" runs | min | max | per-run medians | ")
        .append(RayFigures.SOURCE).append(" | ours / Ray |\n|---|---:|---:|---:|---|---:|---:|\n");
    byName.forEach((name, rows) -> {
      double median = Measurement.median(rows.stream().map(Row::median).toList());
      double min = rows.stream().mapToDouble(Row::min).min().orElseThrow();
      double max = rows.stream().mapToDouble(Row::max).max().orElseThrow();
      String unit = rows.getFirst().unit() + "/s";
      boolean steady = rows.stream().allMatch(Row::steady);
      var ray = RayFigures.of(name);
      sb.append(String.format(Locale.ROOT, "| %s%s | %s %s | %s | %s | %s | %s | %s |%n", name, steady ? "" : " (a run not steady)",
          Report.num(median), unit, Report.num(min), Report.num(max),
          rows.stream().map(r -> Report.num(r.median())).collect(Collectors.joining(", ")),
          ray.map(r -> Report.num(r) + " " + unit).orElse("–"),
          ray.map(r -> String.format(Locale.ROOT, "%.2f", median / r)).orElse("–")));
    });
    return sb.toString();
  }
}
