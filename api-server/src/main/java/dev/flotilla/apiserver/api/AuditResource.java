package dev.flotilla.apiserver.api;

import dev.flotilla.apiserver.auth.Allow;
import dev.flotilla.apiserver.auth.CurrentAccess;
import dev.flotilla.apiserver.auth.Rule;
import dev.flotilla.apiserver.persistence.AuditEventEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import dev.flotilla.apiserver.error.ApiException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The tenant's audit trail, newest first, for its admins. */
@Path("/api/v1/tenants/{tenant}/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  private final CurrentAccess access;

  AuditResource(CurrentAccess access) {
    this.access = access;
  }

  @GET
  @Allow(Rule.TENANT_ADMIN)
  public Uni<List<AuditDtos.Event>> list(@PathParam("tenant") String tenant,
      @QueryParam("limit") @DefaultValue("100") String limit) {
    int max = parseLimit(limit);
    return Panache.withSession(() -> AuditEventEntity.<AuditEventEntity>find(
                "tenantId = ?1 order by at desc, id desc", access.get().tenant().id())
            .page(0, max).list())
        .map(all -> all.stream().map(e -> new AuditDtos.Event(e.id, e.at, e.actor, e.action, e.target, e.detail,
            e.remoteAddress)).toList());
  }

  /** A malformed number is the caller's mistake (422), not an unmatched resource (JAX-RS's 404). */
  private static int parseLimit(String limit) {
    try {
      int n = Integer.parseInt(limit);
      if (n >= 1 && n <= 1000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.invalid("limit", "a whole number from 1 to 1000");
  }
}
