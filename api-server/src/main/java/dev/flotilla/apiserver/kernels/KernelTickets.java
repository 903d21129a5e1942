package dev.flotilla.apiserver.kernels;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Single-use, short-lived tickets that let a browser open a notebook's kernel WebSocket (browsers
 * cannot send an Authorization header on one). A ticket is issued only to an authenticated member
 * of the notebook's workspace through {@code POST …/kernel} and is valid for exactly that
 * notebook's socket path. Thread-safe.
 */
final class KernelTickets {
  /** What a ticket opens, and for whom. */
  record Scope(String tenant, String workspace, UUID notebookId, String subject) {}

  private record Issued(Scope scope, Instant expires) {}

  private final SecureRandom random = new SecureRandom();
  private final Map<String, Issued> issued = new ConcurrentHashMap<>();
  private final InstantSource clock;
  private final Duration ttl;

  KernelTickets(InstantSource clock, Duration ttl) {
    this.clock = clock;
    this.ttl = ttl;
  }

  String issue(Scope scope) {
    prune();
    byte[] b = new byte[24];
    random.nextBytes(b);
    String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    issued.put(ticket, new Issued(scope, clock.instant().plus(ttl)));
    return ticket;
  }

  Instant expiresAt() {
    return clock.instant().plus(ttl);
  }

  /** The ticket's scope when it is unexpired and opens exactly this socket; used up either way. */
  Optional<Scope> redeem(String ticket, String tenant, String workspace, UUID notebookId) {
    Issued i = ticket == null ? null : issued.remove(ticket);
    if (i == null || !clock.instant().isBefore(i.expires())) {
      return Optional.empty();
    }
    Scope s = i.scope();
    return s.tenant().equals(tenant) && s.workspace().equals(workspace) && s.notebookId().equals(notebookId)
        ? Optional.of(s) : Optional.empty();
  }

  private void prune() {
    Instant now = clock.instant();
    issued.values().removeIf(i -> !now.isBefore(i.expires()));
  }
}
