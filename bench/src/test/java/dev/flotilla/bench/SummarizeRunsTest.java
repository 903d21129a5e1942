package dev.flotilla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummarizeRunsTest {
  private static SummarizeRuns.Row row(String run, String name, double median) {
    return new SummarizeRuns.Row(run, name, "calls", median, median * 0.9, median * 1.1, true);
  }

  @Test
  void markdown_peerInEachRun_ratiosPairFiguresOfTheSameRun() {
    var rows = List.of(
        row("run-1", "a", 100), row("run-1", "peer a", 400),
        row("run-2", "a", 300), row("run-2", "peer a", 600),
        row("run-3", "a", 200), row("run-3", "peer a", 1000));

    String md = SummarizeRuns.markdown(rows, Map.of("a", "peer a"));

    assertThat(md).contains("| a | 200.0 calls/s | 90.0 | 330.0 | 100.0, 300.0, 200.0 |");
    // 100/400, 300/600, 200/1000: the median of the ratios, not the ratio of the medians (200/600)
    assertThat(md).contains("| 0.250, 0.500, 0.200 | **0.250** |");
  }

  @Test
  void markdown_noPeerMeasured_noPeerTable() {
    String md = SummarizeRuns.markdown(List.of(row("run-1", "a", 100)), Map.of("a", "peer a"));

    assertThat(md).doesNotContain("peer (same run)");
  }
}
