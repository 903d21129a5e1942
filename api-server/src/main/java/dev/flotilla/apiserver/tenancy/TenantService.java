package dev.flotilla.apiserver.tenancy;

import dev.flotilla.apiserver.api.TenantDtos;
import dev.flotilla.apiserver.audit.AuditLog;
import dev.flotilla.apiserver.auth.Access;
import dev.flotilla.apiserver.auth.RealmResolver;
import dev.flotilla.apiserver.config.FlotillaConfig;
import dev.flotilla.apiserver.error.ApiException;
import dev.flotilla.apiserver.keycloak.KeycloakProvisioner;
import dev.flotilla.apiserver.keycloak.KeycloakProvisioner.UserRef;
import dev.flotilla.apiserver.keycloak.RealmLayout;
import dev.flotilla.apiserver.persistence.MembershipEntity;
import dev.flotilla.apiserver.persistence.TenantEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Creates and deletes tenants. Creation provisions Keycloak first (an organization of the platform
 * realm, or a realm of its own with our clients and roles; then the first tenant admin with a
 * temporary password), then commits the tenant row, the admin's membership and the audit row in
 * one transaction; when that fails, what was made in Keycloak is removed again. Non-blocking.
 */
@ApplicationScoped
public class TenantService {
  private static final Logger LOG = Logger.getLogger(TenantService.class);
  private final KeycloakProvisioner keycloak;
  private final AuditLog audit;
  private final RealmResolver realms;
  private final FlotillaConfig config;
  private final InstantSource clock;

  TenantService(KeycloakProvisioner keycloak, AuditLog audit, RealmResolver realms, FlotillaConfig config,
      InstantSource clock) {
    this.keycloak = keycloak;
    this.audit = audit;
    this.realms = realms;
    this.config = config;
    this.clock = clock;
  }

  /** What Keycloak holds for a new tenant, kept to undo it. */
  private record Provisioned(String realm, String organizationId, UserRef admin, String password) {}

  public Uni<TenantDtos.CreatedTenant> create(Access access, TenantDtos.CreateTenant request) {
    TenantDtos.Mode mode = request.mode() == null ? TenantDtos.Mode.SHARED : request.mode();
    // Keycloak lower-cases user names; so do we, so that the membership row matches the user.
    TenantDtos.CreateTenant normalized = new TenantDtos.CreateTenant(request.name(), request.displayName(), mode,
        request.adminEmail().toLowerCase(Locale.ROOT));
    return Panache.withSession(() -> TenantEntity.count("slug", request.name()))
        .flatMap(n -> n > 0 ? Uni.createFrom().failure(ApiException.conflict("tenant " + request.name() + " exists"))
            : provision(normalized, mode))
        .flatMap(p -> persist(access, normalized, mode, p)
            .onFailure().call(e -> undo(p)));
  }

  private Uni<Provisioned> provision(TenantDtos.CreateTenant request, TenantDtos.Mode mode) {
    String password = Secrets.temporaryPassword();
    List<String> actions = List.of("UPDATE_PASSWORD");
    if (mode == TenantDtos.Mode.SHARED) {
      String realm = config.platform().realm();
      return keycloak.createOrganization(request.name(), request.displayName())
          .flatMap(orgId -> keycloak.ensureUser(realm, request.adminEmail(), actions, password, true)
              .call(user -> keycloak.addOrganizationMember(orgId, user.id()))
              .map(user -> new Provisioned(realm, orgId, user, user.created() ? password : null))
              .onFailure().call(e -> keycloak.deleteOrganization(orgId)));
    }
    String realm = config.platform().realm() + "-" + request.name();
    // Undo only what this request made: a realm that already existed (409) is left alone.
    return keycloak.createDedicatedRealm(realm, request.displayName())
        .flatMap(v -> keycloak.ensureUser(realm, request.adminEmail(), actions, password, true)
            .call(user -> keycloak.grantRealmRole(realm, user.id(), RealmLayout.TENANT_ADMIN_ROLE))
            .map(user -> new Provisioned(realm, null, user, password))
            .onFailure().call(e -> keycloak.deleteRealm(realm)));
  }

  private Uni<TenantDtos.CreatedTenant> persist(Access access, TenantDtos.CreateTenant request, TenantDtos.Mode mode,
      Provisioned p) {
    TenantEntity t = new TenantEntity();
    t.id = UUID.randomUUID();
    t.slug = request.name();
    t.displayName = request.displayName();
    t.mode = mode.name();
    t.realm = p.realm();
    t.organizationId = p.organizationId();
    t.createdAt = clock.instant();
    MembershipEntity admin = new MembershipEntity();
    admin.id = UUID.randomUUID();
    admin.tenantId = t.id;
    admin.userId = p.admin().id();
    admin.email = request.adminEmail();
    admin.role = "TENANT_ADMIN";
    admin.createdAt = t.createdAt;
    return Panache.withTransaction(() -> t.persist()
            .flatMap(x -> admin.persist())
            .flatMap(x -> audit.record(access, t.id, "tenant.create", "tenant/" + t.slug,
                "mode=" + mode.name().toLowerCase() + " realm=" + t.realm + " admin=" + request.adminEmail())))
        .map(v -> new TenantDtos.CreatedTenant(view(t),
            new TenantDtos.FirstAdmin(p.admin().id(), request.adminEmail(), p.password())));
  }

  private Uni<Void> undo(Provisioned p) {
    Uni<Void> undo = p.organizationId() != null
        ? keycloak.deleteOrganization(p.organizationId())
            .flatMap(v -> p.admin().created() ? keycloak.deleteUser(p.realm(), p.admin().id()) : Uni.createFrom().voidItem())
        : keycloak.deleteRealm(p.realm());
    return undo.onFailure().invoke(e -> LOG.warnf("could not undo Keycloak provisioning in %s: %s", p.realm(), e));
  }

  public Uni<List<TenantDtos.Tenant>> list() {
    return Panache.withSession(() -> TenantEntity.<TenantEntity>list("order by slug"))
        .map(all -> all.stream().map(TenantService::view).toList());
  }

  public Uni<TenantDtos.Tenant> get(String slug) {
    return Panache.withSession(() -> find(slug)).map(TenantService::view);
  }

  /**
   * Deletes the rows (all of the tenant's data cascades), then in Keycloak its realm (dedicated)
   * or its organization, identity provider and the users who belonged to no other organization
   * (shared; platform admins are kept).
   */
  public Uni<Void> delete(Access access, String slug) {
    return Panache.withTransaction(() -> find(slug).flatMap(t ->
            MembershipEntity.<MembershipEntity>list("tenantId", t.id)
                .map(ms -> ms.stream().map(m -> m.userId).distinct().toList())
                .call(users -> TenantEntity.delete("id", t.id))
                .call(users -> audit.record(access, t.id, "tenant.delete", "tenant/" + t.slug, "realm=" + t.realm))
                .map(users -> new Deleted(t, users))))
        .flatMap(this::removeFromKeycloak);
  }

  private record Deleted(TenantEntity tenant, List<String> users) {}

  private Uni<Void> removeFromKeycloak(Deleted d) {
    TenantEntity t = d.tenant();
    if (t.organizationId == null) {
      realms.forget(t.realm);
      return keycloak.deleteRealm(t.realm);
    }
    return keycloak.deleteOrganization(t.organizationId)
        .flatMap(v -> keycloak.deleteIdentityProvider(t.realm, "tenant-" + t.slug))
        .flatMap(v -> Multi.createFrom().iterable(d.users())
            .onItem().transformToUniAndConcatenate(keycloak::deleteUserIfUnaffiliated)
            .collect().last().replaceWithVoid());
  }

  private static Uni<TenantEntity> find(String slug) {
    return TenantEntity.<TenantEntity>find("slug", slug).firstResult()
        .onItem().ifNull().failWith(() -> ApiException.notFound("no tenant " + slug));
  }

  static TenantDtos.Tenant view(TenantEntity t) {
    return new TenantDtos.Tenant(t.id, t.slug, t.displayName, TenantDtos.Mode.valueOf(t.mode), t.realm, t.createdAt);
  }
}
