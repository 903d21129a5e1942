package dev.flotilla.runtime.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.protocol.jobs.v1.LogLines;
import dev.flotilla.protocol.jobs.v1.LogLines.Stream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogBatcherTest {
  private final List<LogLines> sent = new ArrayList<>();

  @Test
  void flush_interleavedStreams_oneBatchPerRunInOrder() {
    LogBatcher b = new LogBatcher(100, sent::add);
    b.add(Stream.STDOUT, "o1");
    b.add(Stream.STDOUT, "o2");
    b.add(Stream.STDERR, "e1");
    b.add(Stream.STDOUT, "o3");
    b.flush();
    assertThat(sent).extracting(LogLines::getStream).containsExactly(Stream.STDOUT, Stream.STDERR, Stream.STDOUT);
    assertThat(sent.stream().map(l -> List.copyOf(l.getLineList())).toList()).containsExactly(List.of("o1", "o2"), List.of("e1"), List.of("o3"));
    b.flush();
    assertThat(sent).hasSize(3);
  }

  @Test
  void flush_manyLines_batchesOfAtMost500() {
    LogBatcher b = new LogBatcher(2000, sent::add);
    for (int i = 0; i < 1200; i++) {
      b.add(Stream.STDOUT, "l" + i);
    }
    b.flush();
    assertThat(sent).extracting(LogLines::getLineCount).containsExactly(500, 500, 200);
    assertThat(sent.get(2).getLine(199)).isEqualTo("l1199");
  }

  @Test
  void add_overThePendingCap_dropsAndTheNextFlushSaysHowMany() {
    LogBatcher b = new LogBatcher(3, sent::add);
    for (int i = 0; i < 10; i++) {
      b.add(Stream.STDOUT, "l" + i);
    }
    b.flush();
    assertThat(sent.get(0).getStream()).isEqualTo(Stream.STDERR);
    assertThat(sent.get(0).getLine(0)).contains("7 log lines dropped");
    assertThat(sent.get(1).getLineList()).containsExactly("l0", "l1", "l2");
    b.add(Stream.STDOUT, "after");
    b.flush();
    assertThat(sent.get(2).getLineList()).containsExactly("after");
  }
}
