package dev.flotilla.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders one suite's figures: a console table, a markdown fragment and a CSV row per figure. */
final class Report {
  static final String CSV_HEADER = "benchmark,unit,median,min,max,timed_rounds,warmup_rounds,steady,cpu_us_per_op";

  /** Everything a suite's report says besides the figures. */
  record Context(
      String title,
      String date,
      String command,
      MachineInfo machine,
      String target,
      String rounds,
      List<String> jvmFlags,
      double loadBefore,
      double loadAfter,
      List<String> notes) {}

  private Report() {}

  static String table(List<Measurement> ms) {
    var sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%-30s %14s %14s %14s  %-8s %s%n", "benchmark", "median", "min", "max", "unit", "CPU µs/op by process"));
    for (Measurement m : ms) {
      sb.append(String.format(Locale.ROOT, "%-30s %14s %14s %14s  %-8s %s%s%n", m.name(), num(m.median()), num(m.min()),
          num(m.max()), m.unit() + "/s", m.cpuPerOp().format(), m.steady() ? "" : "  [NOT STEADY]"));
    }
    return sb.toString();
  }

  static String markdown(List<Measurement> ms, Context c) {
    var sb = new StringBuilder();
    sb.append("### ").append(c.title()).append(", ").append(c.date()).append("\n\n");
    sb.append("- Machine: ").append(c.machine().describe()).append('\n');
    sb.append("- Cluster: ").append(c.target()).append('\n');
    sb.append("- Command: `").append(c.command()).append("`\n");
    sb.append("- Rounds: ").append(c.rounds()).append('\n');
    sb.append(String.format(Locale.ROOT, "- 1-minute load average: %.2f before, %.2f after%n", c.loadBefore(), c.loadAfter()));
    sb.append("- JVM flags:\n");
    for (String f : c.jvmFlags()) {
      sb.append("  - `").append(f.strip()).append("`\n");
    }
    sb.append("\n| benchmark | median | min | max | unit | ").append(RayFigures.SOURCE).append(" | ours / Ray |\n");
    sb.append("|---|---:|---:|---:|---|---:|---:|\n");
    for (Measurement m : ms) {
      var ray = RayFigures.of(m.name());
      sb.append(String.format(Locale.ROOT, "| %s%s | %s | %s | %s | %s/s | %s | %s |%n", m.name(), m.steady() ? "" : " (not steady)",
          num(m.median()), num(m.min()), num(m.max()), m.unit(), ray.map(Report::num).orElse("–"),
          ray.map(r -> String.format(Locale.ROOT, "%.2f", m.median() / r)).orElse("–")));
    }
    sb.append("\nCPU time per operation in each process during the timed rounds (µs):\n\n");
    for (Measurement m : ms) {
      sb.append("- ").append(m.name()).append(": ").append(m.cpuPerOp().format()).append('\n');
    }
    sb.append("\nWarm-up rounds (rates):\n\n");
    for (Measurement m : ms) {
      sb.append("- ").append(m.name()).append(": ")
          .append(m.warmup().stream().map(Report::num).collect(Collectors.joining(", "))).append('\n');
    }
    if (!c.notes().isEmpty()) {
      sb.append("\nNotes:\n\n");
      c.notes().forEach(n -> sb.append("- ").append(n).append('\n'));
    }
    return sb.toString();
  }

  static List<String> csv(List<Measurement> ms) {
    List<String> rows = new ArrayList<>();
    rows.add(CSV_HEADER);
    for (Measurement m : ms) {
      rows.add(String.format(Locale.ROOT, "%s,%s,%.6f,%.6f,%.6f,%d,%d,%s,%.3f", m.name(), m.unit(), m.median(), m.min(), m.max(),
          m.timed().size(), m.warmup().size(), m.steady(), m.cpuPerOp().total()));
    }
    return rows;
  }

  /** Thousands separators for large rates, three decimals for small ones (GB/s). */
  static String num(double v) {
    if (Math.abs(v) >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.3f", v);
  }

  /**
   * Prints the table on stdout and writes {@code <prefix>-<time>.md} and {@code .csv} under {@code
   * outDir}.
   */
  static void writeSuite(Path outDir, String prefix, List<Measurement> results, Context ctx) {
    System.out.println();
    System.out.print(table(results));
    String stamp = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path md = outDir.resolve(prefix + "-" + stamp + ".md");
    Path csv = outDir.resolve(prefix + "-" + stamp + ".csv");
    write(md, markdown(results, ctx));
    write(csv, String.join("\n", csv(results)) + "\n");
    System.out.println("\nwrote " + md.toAbsolutePath() + "\n      " + csv.toAbsolutePath());
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
