package dev.flotilla.apiserver.edge;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scheduler sessions opened through this edge, and whose they are: a call naming a session
 * passes only with a token of the same tenant and workspace. Thread-safe.
 */
final class EdgeSessions {
  record Owner(String tenant, String workspace, String jobId) {}

  private final Map<String, Owner> bySession = new ConcurrentHashMap<>();

  void opened(String sessionId, EdgeGrant grant, String jobId) {
    bySession.put(sessionId, new Owner(grant.tenant(), grant.workspace(), jobId));
  }

  /** The session's owner, if it was opened here. */
  Owner owner(String sessionId) {
    return bySession.get(sessionId);
  }

  boolean mayUse(String sessionId, EdgeGrant grant) {
    Owner o = bySession.get(sessionId);
    return o != null && o.tenant().equals(grant.tenant()) && o.workspace().equals(grant.workspace());
  }

  void closed(String sessionId) {
    bySession.remove(sessionId);
  }
}
