package dev.flotilla.apiserver.audit;

import dev.flotilla.apiserver.auth.Access;
import dev.flotilla.apiserver.persistence.AuditEventEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.UUID;

/**
 * Writes the audit trail: who (the caller), what (action on target, with detail), when, from
 * where, in the transaction of the change it records, so a change and its row commit together.
 * Must be called inside a reactive transaction. Thread-safe.
 */
@ApplicationScoped
public class AuditLog {
  private final InstantSource clock;

  AuditLog(InstantSource clock) {
    this.clock = clock;
  }

  /** Records an action of the request's caller on a tenant's resource. */
  public Uni<Void> record(Access access, UUID tenantId, String action, String target, String detail) {
    AuditEventEntity e = new AuditEventEntity();
    e.tenantId = tenantId;
    e.actor = truncate(access.caller().actor(), 200);
    e.action = action;
    e.target = truncate(target, 300);
    e.detail = detail;
    e.remoteAddress = truncate(access.remoteAddress(), 64);
    e.at = clock.instant();
    return e.persist().replaceWithVoid();
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
