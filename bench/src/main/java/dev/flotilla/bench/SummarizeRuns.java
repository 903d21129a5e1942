package dev.flotilla.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Combines the CSVs of several runs of a suite: per figure, the median of the runs' medians, the
 * lowest min and highest max of any timed round, and each run's median, beside Ray's published
 * figure. Where a run also measured a figure's same-run peer ({@link ActorBenchmarks#PEKKO_PEERS}),
 * a second table gives the ratio to the peer in each run and their median. A run is the folder
 * its CSVs are in. Prints markdown; with {@code --out FILE} also writes it there.
 *
 * <p>usage: {@code SummarizeRuns [--out FILE] run-1/a.csv run-1/b.csv run-2/a.csv ...}
 */
public final class SummarizeRuns {
  private SummarizeRuns() {}

  /** One figure of one run, as its CSV row says. */
  record Row(String run, String name, String unit, double median, double min, double max, boolean steady) {}

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
    List<Row> rows = new ArrayList<>();
    for (Path f : files) {
      String run = String.valueOf(f.toAbsolutePath().getParent());
      for (String line : Files.readAllLines(f)) {
        if (line.isBlank() || line.startsWith("benchmark,")) {
          continue;
        }
        String[] c = line.split(",");
        rows.add(new Row(run, c[0], c[1], Double.parseDouble(c[2]), Double.parseDouble(c[3]), Double.parseDouble(c[4]),
            Boolean.parseBoolean(c[7])));
      }
    }
    String md = markdown(rows, ActorBenchmarks.PEKKO_PEERS);
    System.out.print(md);
    if (out != null) {
      Report.write(out, md);
    }
  }

  /** The summary of {@code rows}; {@code peers} maps a figure to its same-run peer figure. */
  static String markdown(List<Row> rows, Map<String, String> peers) {
    Map<String, List<Row>> byName = new LinkedHashMap<>();
    rows.forEach(r -> byName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r));
    long runs = rows.stream().map(Row::run).distinct().count();
    var sb = new StringBuilder();
    sb.append("| benchmark | median of ").append(runs).append(" runs | min | max | per-run medians | ")
        .append(RayFigures.SOURCE).append(" | ours / Ray (different machines) |\n|---|---:|---:|---:|---|---:|---:|\n");
    byName.forEach((name, rs) -> {
      double median = Measurement.median(rs.stream().map(Row::median).toList());
      double min = rs.stream().mapToDouble(Row::min).min().orElseThrow();
      double max = rs.stream().mapToDouble(Row::max).max().orElseThrow();
      String unit = rs.getFirst().unit() + "/s";
      boolean steady = rs.stream().allMatch(Row::steady);
      var ray = RayFigures.of(name);
      sb.append(String.format(Locale.ROOT, "| %s%s | %s %s | %s | %s | %s | %s | %s |%n", name, steady ? "" : " (a run not steady)",
          Report.num(median), unit, Report.num(min), Report.num(max), perRun(rs),
          ray.map(r -> Report.num(r) + " " + unit).orElse("–"),
          ray.map(r -> String.format(Locale.ROOT, "%.2f", median / r)).orElse("–")));
    });
    String peerTable = peerTable(byName, peers);
    if (!peerTable.isEmpty()) {
      sb.append("\nSame machine, same run: each figure over its peer's median in the same run, then the median of those ratios.\n\n")
          .append(peerTable);
    }
    return sb.toString();
  }

  private static String peerTable(Map<String, List<Row>> byName, Map<String, String> peers) {
    var sb = new StringBuilder();
    byName.forEach((name, rs) -> {
      String peer = peers.get(name);
      if (peer == null || !byName.containsKey(peer)) {
        return;
      }
      List<Double> ratios = new ArrayList<>();
      for (Row r : rs) {
        peerRow(byName.get(peer), r.run()).ifPresent(p -> ratios.add(r.median() / p.median()));
      }
      if (ratios.isEmpty()) {
        return;
      }
      List<Row> peerRows = byName.get(peer);
      sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | **%.3f** |%n", name,
          Report.num(Measurement.median(rs.stream().map(Row::median).toList())), peer,
          Report.num(Measurement.median(peerRows.stream().map(Row::median).toList())), perRun(peerRows),
          ratios.stream().map(x -> String.format(Locale.ROOT, "%.3f", x)).collect(Collectors.joining(", ")),
          Measurement.median(ratios)));
    });
    if (sb.isEmpty()) {
      return "";
    }
    return "| figure | median | peer (same run) | peer median | peer per-run medians | per-run ratios | median ratio |\n"
        + "|---|---:|---|---:|---|---|---:|\n" + sb;
  }

  private static Optional<Row> peerRow(List<Row> peerRows, String run) {
    return peerRows.stream().filter(p -> p.run().equals(run)).findFirst();
  }

  private static String perRun(List<Row> rs) {
    return rs.stream().map(r -> Report.num(r.median())).collect(Collectors.joining(", "));
  }
}
