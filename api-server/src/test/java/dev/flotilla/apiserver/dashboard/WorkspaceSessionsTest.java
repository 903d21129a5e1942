package dev.flotilla.apiserver.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flotilla.apiserver.ManualClock;
import dev.flotilla.apiserver.edge.EdgeGrant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkspaceSessionsTest {
  private static final EdgeGrant VISION = new EdgeGrant("dashboard", "acme", "vision", Map.of("GPU", 1.0), Map.of(), null);
  private static final EdgeGrant NLP = new EdgeGrant("dashboard", "acme", "nlp", Map.of("GPU", 1.0), Map.of(), null);

  /** A session that records whether it was closed and can be broken by the test. */
  private static final class TestingSession implements WorkspaceSessions.Session {
    final String id;
    boolean closed;
    boolean broken;

    TestingSession(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public boolean broken() {
      return broken;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  private final ManualClock clock = new ManualClock();
  private final List<TestingSession> opened = new ArrayList<>();
  private final List<EdgeGrant> stamps = new ArrayList<>();
  private final WorkspaceSessions sessions = new WorkspaceSessions(clock, grant -> {
    stamps.add(grant);
    TestingSession s = new TestingSession(grant.workspace() + "-" + opened.size());
    opened.add(s);
    return s;
  });

  @Test
  void acquire_opensOncePerWorkspace_withItsGrant_andReusesIt() {
    var first = sessions.acquire(VISION);
    var again = sessions.acquire(new EdgeGrant("dashboard", "acme", "vision", Map.of(), Map.of(), null));
    var other = sessions.acquire(NLP);
    assertThat(again).isSameAs(first);
    assertThat(other).isNotSameAs(first);
    assertThat(opened).hasSize(2);
    assertThat(stamps).containsExactly(VISION, NLP);
  }

  @Test
  void idleForTenMinutes_closed_andTheNextRequestOpensANewOne() {
    var first = (TestingSession) sessions.acquire(VISION);
    clock.advance(Duration.ofMinutes(9));
    sessions.acquire(VISION); // use resets the idle time
    clock.advance(Duration.ofMinutes(9));
    assertThat(sessions.closeIdle()).isZero();
    assertThat(first.closed).isFalse();
    clock.advance(Duration.ofMinutes(1));
    assertThat(sessions.closeIdle()).isEqualTo(1);
    assertThat(first.closed).isTrue();
    assertThat(sessions.size()).isZero();
    assertThat(sessions.acquire(VISION)).isNotSameAs(first);
  }

  @Test
  void idleOnes_closedOnTheNextAcquireOfAnyWorkspace() {
    var vision = (TestingSession) sessions.acquire(VISION);
    clock.advance(WorkspaceSessions.IDLE_FOR);
    sessions.acquire(NLP);
    assertThat(vision.closed).isTrue();
    assertThat(sessions.size()).isEqualTo(1);
  }

  @Test
  void broken_replacedByANewSession() {
    var first = (TestingSession) sessions.acquire(VISION);
    first.broken = true;
    var second = sessions.acquire(VISION);
    assertThat(second).isNotSameAs(first);
    assertThat(first.closed).isTrue();
    assertThat(sessions.size()).isEqualTo(1);
  }

  @Test
  void closeAll_closesEverySession() {
    var a = (TestingSession) sessions.acquire(VISION);
    var b = (TestingSession) sessions.acquire(NLP);
    sessions.closeAll();
    assertThat(a.closed).isTrue();
    assertThat(b.closed).isTrue();
    assertThat(sessions.size()).isZero();
  }

  @Test
  void openFails_nothingCached_andTheErrorReachesTheCaller() {
    var failing = new WorkspaceSessions(clock, grant -> {
      throw new IllegalStateException("scheduler down");
    });
    assertThatThrownBy(() -> failing.acquire(VISION)).hasMessage("scheduler down");
    assertThat(failing.size()).isZero();
  }
}
