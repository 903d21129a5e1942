package dev.flotilla.apiserver.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogBudgetTest {
  @Test
  void admit_longLine_isCutAndMarked() {
    LogBudget b = new LogBudget(5, 100, 1000);
    assertThat(b.admit(List.of("short", "much too long"))).containsExactly("short", "much " + LogBudget.CUT);
  }

  @Test
  void admit_pastTheLineBudget_oneNoticeThenNothing() {
    LogBudget b = new LogBudget(100, 3, 1000);
    List<String> first = b.admit(List.of("a", "b", "c", "d", "e"));
    assertThat(first).hasSize(4).startsWith("a", "b", "c");
    assertThat(first.get(3)).contains("reached its limit of 3 lines");
    assertThat(b.admit(List.of("later"))).isEmpty();
  }

  @Test
  void admit_pastTheCharacterBudget_stopsAtTheLineThatWouldExceedIt() {
    LogBudget b = new LogBudget(100, 100, 10);
    List<String> kept = b.admit(List.of("12345", "1234", "12"));
    assertThat(kept).hasSize(3).startsWith("12345", "1234");
    assertThat(kept.get(2)).contains("10 characters");
  }
}
