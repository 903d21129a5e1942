package dev.flotilla.runtime.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
  private final List<String> lines = new ArrayList<>();
  private final LineSplitter splitter = new LineSplitter(lines::add);

  private void write(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    splitter.write(b, 0, b.length);
  }

  @Test
  void write_lfAndCrlfAcrossWrites_oneLineEach() {
    write("first\r\nsec");
    write("ond\n\nthird");
    assertThat(lines).containsExactly("first", "second", "");
    splitter.flush();
    assertThat(lines).containsExactly("first", "second", "", "third");
  }

  @Test
  void write_multiByteCharacterSplitAcrossWrites_decodedWhole() {
    byte[] b = "zürich\n".getBytes(StandardCharsets.UTF_8);
    splitter.write(b, 0, 2);
    splitter.write(b, 2, b.length - 2);
    assertThat(lines).containsExactly("zürich");
  }

  @Test
  void write_lineOver8KiB_keepsTheFirst8KiBAndSaysItWasTruncated() {
    write("x".repeat(20_000) + "\nnext\n");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).isEqualTo("x".repeat(LineSplitter.MAX_LINE_BYTES) + LineSplitter.TRUNCATED);
    assertThat(lines.get(1)).isEqualTo("next");
  }

  @Test
  void flush_nothingPending_emitsNothing() {
    write("a\n");
    splitter.flush();
    assertThat(lines).containsExactly("a");
  }
}
