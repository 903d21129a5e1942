package dev.flotilla.apiserver.auth;

import dev.flotilla.apiserver.persistence.TenantEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Finds tenants by their path name for authentication, in a session of its own (it runs before
 * any resource method opens one). Not cached: a deleted tenant stops authenticating at once, on
 * every api-server instance. Must be called on a Vert.x event loop.
 */
@ApplicationScoped
public class TenantDirectory {

  /** The tenant with this slug, or null. */
  public Uni<TenantRef> find(String slug) {
    return Panache.withSession(() -> TenantEntity.<TenantEntity>find("slug", slug).firstResult())
        .map(t -> t == null ? null : toRef(t));
  }

  public static TenantRef toRef(TenantEntity t) {
    return new TenantRef(t.id, t.slug, TenantRef.Mode.valueOf(t.mode), t.realm, t.organizationId);
  }
}
