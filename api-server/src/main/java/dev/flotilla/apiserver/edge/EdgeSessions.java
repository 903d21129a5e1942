package dev.flotilla.apiserver.edge;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scheduler sessions opened through this edge, and whose they are: a call naming a session
 * passes only with a token of the same tenant and workspace. A session leaves the table when it is
 * closed, or when no call has named it for {@link #IDLE_FOR} (its program died without closing
 * it; the SDK's calls keep a live session in use); idle ones are swept at most once a minute, on
 * the next open. Thread-safe.
 */
final class EdgeSessions {
  static final Duration IDLE_FOR = Duration.ofHours(1);
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  record Owner(String tenant, String workspace, String jobId) {}

  private static final class Entry {
    final Owner owner;
    volatile Instant lastUsed;

    Entry(Owner owner, Instant lastUsed) {
      this.owner = owner;
      this.lastUsed = lastUsed;
    }
  }

  private final InstantSource clock;
  private final Map<String, Entry> bySession = new ConcurrentHashMap<>();
  private volatile Instant nextSweep;

  EdgeSessions(InstantSource clock) {
    this.clock = clock;
    this.nextSweep = clock.instant().plus(SWEEP_EVERY);
  }

  void opened(String sessionId, EdgeGrant grant, String jobId) {
    Instant now = clock.instant();
    if (!now.isBefore(nextSweep)) {
      nextSweep = now.plus(SWEEP_EVERY);
      Instant cutoff = now.minus(IDLE_FOR);
      bySession.values().removeIf(e -> e.lastUsed.isBefore(cutoff));
    }
    bySession.put(sessionId, new Entry(new Owner(grant.tenant(), grant.workspace(), jobId), now));
  }

  /** The session's owner, if it was opened here and is still in the table. */
  Owner owner(String sessionId) {
    Entry e = bySession.get(sessionId);
    return e == null ? null : e.owner;
  }

  /** Whether {@code grant} may name the session; a yes counts as use of it. */
  boolean mayUse(String sessionId, EdgeGrant grant) {
    Entry e = bySession.get(sessionId);
    if (e == null || !e.owner.tenant().equals(grant.tenant()) || !e.owner.workspace().equals(grant.workspace())) {
      return false;
    }
    e.lastUsed = clock.instant();
    return true;
  }

  void closed(String sessionId) {
    bySession.remove(sessionId);
  }

  /** How many sessions the table holds. */
  int size() {
    return bySession.size();
  }
}
