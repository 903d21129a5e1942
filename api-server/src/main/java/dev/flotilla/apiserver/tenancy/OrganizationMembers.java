package dev.flotilla.apiserver.tenancy;

import dev.flotilla.apiserver.auth.TenantRef;
import dev.flotilla.apiserver.keycloak.KeycloakProvisioner;
import dev.flotilla.apiserver.persistence.MembershipEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;

/**
 * Keeps a shared tenant's Keycloak organization in step with our membership rows: a user with no
 * role left in the tenant leaves its organization, so its next token no longer names the tenant.
 * Call after the rows' transaction committed. Dedicated tenants have no organization: a no-op.
 */
@ApplicationScoped
class OrganizationMembers {
  private final KeycloakProvisioner keycloak;

  OrganizationMembers(KeycloakProvisioner keycloak) {
    this.keycloak = keycloak;
  }

  /** For each user, one after another: leaves the organization when no membership row remains. */
  Uni<Void> leaveIfNoRole(TenantRef tenant, Collection<String> userIds) {
    if (tenant.mode() != TenantRef.Mode.SHARED || userIds.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return Multi.createFrom().iterable(userIds)
        .onItem().transformToUniAndConcatenate(userId -> Panache.withSession(
                () -> MembershipEntity.count("tenantId = ?1 and userId = ?2", tenant.id(), userId))
            .flatMap(left -> left == 0 ? keycloak.removeOrganizationMember(tenant.organizationId(), userId)
                : Uni.createFrom().voidItem()))
        .collect().last().replaceWithVoid();
  }
}
