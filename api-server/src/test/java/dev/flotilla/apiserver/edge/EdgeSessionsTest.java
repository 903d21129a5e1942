package dev.flotilla.apiserver.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.apiserver.ManualClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeSessionsTest {
  private static final EdgeGrant A = new EdgeGrant("t1", "acme", "vision", Map.of(), Map.of(), null);
  private static final EdgeGrant B = new EdgeGrant("t2", "other", "vision", Map.of(), Map.of(), null);

  @Test
  void closed_removed_noLongerUsable() {
    EdgeSessions s = new EdgeSessions(new ManualClock());
    s.opened("s1", A, "j1");
    assertThat(s.mayUse("s1", A)).isTrue();
    s.closed("s1");
    assertThat(s.mayUse("s1", A)).isFalse();
    assertThat(s.size()).isZero();
  }

  @Test
  void otherTenant_mayNotUse() {
    EdgeSessions s = new EdgeSessions(new ManualClock());
    s.opened("s1", A, "j1");
    assertThat(s.mayUse("s1", B)).isFalse();
  }

  @Test
  void idleOverAnHour_prunedOnNextOpen_usedOneKept() {
    ManualClock clock = new ManualClock();
    EdgeSessions s = new EdgeSessions(clock);
    s.opened("idle", A, "j1");
    s.opened("busy", A, "j2");
    clock.advance(Duration.ofMinutes(50));
    assertThat(s.mayUse("busy", A)).isTrue();
    clock.advance(Duration.ofMinutes(15));
    s.opened("new", A, "j3");

    assertThat(s.owner("idle")).isNull();
    assertThat(s.owner("busy")).isEqualTo(new EdgeSessions.Owner("acme", "vision", "j2"));
    assertThat(s.size()).isEqualTo(2);
  }

  @Test
  void idle_notSweptWithinAMinuteOfTheLastSweep() {
    ManualClock clock = new ManualClock();
    EdgeSessions s = new EdgeSessions(clock);
    clock.advance(Duration.ofMinutes(2));
    s.opened("old", A, "j1");
    clock.advance(EdgeSessions.IDLE_FOR.plusSeconds(1));
    s.opened("sweeps", A, "j2");
    assertThat(s.owner("old")).isNull();
    s.opened("late", A, "j3");
    assertThat(s.size()).isEqualTo(2);
  }
}
