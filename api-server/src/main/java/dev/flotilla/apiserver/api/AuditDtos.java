package dev.flotilla.apiserver.api;

import java.time.Instant;

/** Response bodies of {@code /api/v1/tenants/{t}/audit}. */
public final class AuditDtos {
  private AuditDtos() {}

  public record Event(long id, Instant at, String actor, String action, String target, String detail,
      String remoteAddress) {}
}
