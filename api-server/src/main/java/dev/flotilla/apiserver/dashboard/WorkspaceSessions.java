package dev.flotilla.apiserver.dashboard;

import dev.flotilla.apiserver.edge.EdgeGrant;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's scheduler sessions, one per (tenant, workspace): opened on first use, reused
 * while alive, reopened when broken (its lifeline ended: the scheduler restarted or dropped it),
 * closed after {@link #IDLE_FOR} without use and at shutdown. A session is what lets the scheduler
 * show a workspace only its own pending work. Time comes from the injected clock. Thread-safe;
 * {@link #acquire} may block on opening (one at a time; call it off the event loop).
 */
final class WorkspaceSessions {
  static final Duration IDLE_FOR = Duration.ofMinutes(10);

  /** Whose session. */
  record Key(String tenant, String workspace) {}

  /** A session opened at the scheduler. */
  interface Session {
    String id();

    /** Whether it is no longer usable (its lifeline to the scheduler ended). */
    boolean broken();

    /** Closes it at the scheduler; never throws. */
    void close();
  }

  /** Opens a session stamped with the grant; blocking; throws when the scheduler refuses or is unreachable. */
  interface Opener {
    Session open(EdgeGrant grant);
  }

  private record Entry(Session session, Instant lastUsed) {}

  private final InstantSource clock;
  private final Opener opener;
  private final Map<Key, Entry> open = new HashMap<>();

  WorkspaceSessions(InstantSource clock, Opener opener) {
    this.clock = clock;
    this.opener = opener;
  }

  /** The live session of the grant's workspace, opened with the grant when there is none; counts as use. */
  synchronized Session acquire(EdgeGrant grant) {
    closeIdle();
    Key key = new Key(grant.tenant(), grant.workspace());
    Entry e = open.get(key);
    if (e != null && e.session().broken()) {
      open.remove(key);
      e.session().close();
      e = null;
    }
    Session s = e != null ? e.session() : opener.open(grant);
    open.put(key, new Entry(s, clock.instant()));
    return s;
  }

  /** Closes the sessions not used for {@link #IDLE_FOR}; answers how many. */
  synchronized int closeIdle() {
    Instant cutoff = clock.instant().minus(IDLE_FOR);
    List<Session> idle = new ArrayList<>();
    open.values().removeIf(e -> {
      boolean old = !e.lastUsed().isAfter(cutoff);
      if (old) {
        idle.add(e.session());
      }
      return old;
    });
    idle.forEach(Session::close);
    return idle.size();
  }

  /** Closes every session (shutdown). */
  synchronized void closeAll() {
    open.values().forEach(e -> e.session().close());
    open.clear();
  }

  synchronized int size() {
    return open.size();
  }
}
