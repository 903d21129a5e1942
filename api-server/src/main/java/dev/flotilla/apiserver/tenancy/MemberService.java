package dev.flotilla.apiserver.tenancy;

import dev.flotilla.apiserver.api.MemberDtos;
import dev.flotilla.apiserver.audit.AuditLog;
import dev.flotilla.apiserver.auth.Access;
import dev.flotilla.apiserver.auth.TenantRef;
import dev.flotilla.apiserver.auth.WorkspaceRole;
import dev.flotilla.apiserver.error.ApiException;
import dev.flotilla.apiserver.keycloak.KeycloakProvisioner;
import dev.flotilla.apiserver.mail.MailStatus;
import dev.flotilla.apiserver.persistence.ApiTokenEntity;
import dev.flotilla.apiserver.persistence.InvitationEntity;
import dev.flotilla.apiserver.persistence.MembershipEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;

/**
 * Members of the request's workspace. An invitation creates the Keycloak user in the tenant's
 * realm with required actions (verify e-mail, set a password), or finds the existing one, adds it
 * to the tenant's organization in shared mode, and stores the invitation and the membership.
 * Removing a member revokes its API tokens there, and in shared mode takes the user out of the
 * organization once it has no role left in the tenant. After the invitation is committed its
 * e-mail is sent ({@link Invitations}); the audit row of the invitation says how that went.
 * Non-blocking.
 */
@ApplicationScoped
public class MemberService {
  private static final List<String> INVITED_ACTIONS = List.of("VERIFY_EMAIL", "UPDATE_PASSWORD");
  private final KeycloakProvisioner keycloak;
  private final OrganizationMembers organization;
  private final Invitations invitations;
  private final AuditLog audit;
  private final InstantSource clock;

  MemberService(KeycloakProvisioner keycloak, OrganizationMembers organization, Invitations invitations, AuditLog audit,
      InstantSource clock) {
    this.keycloak = keycloak;
    this.organization = organization;
    this.invitations = invitations;
    this.audit = audit;
    this.clock = clock;
  }

  /** The committed membership and the id of its invitation row. */
  private record Stored(MembershipEntity member, UUID invitationId) {}

  /** Invites; fails with 503 after committing the invitation when its e-mail could not be sent. */
  public Uni<MemberDtos.Invited> invite(Access access, MemberDtos.Invite request) {
    TenantRef tenant = access.tenant();
    String email = request.email().toLowerCase(java.util.Locale.ROOT);
    WorkspaceRole role = WorkspaceRole.parse(request.role());
    return keycloak.ensureUser(tenant.realm(), email, INVITED_ACTIONS, null, false)
        .call(user -> tenant.mode() == TenantRef.Mode.SHARED
            ? keycloak.addOrganizationMember(tenant.organizationId(), user.id()) : Uni.createFrom().voidItem())
        .flatMap(user -> Panache.withTransaction(() -> find(access, user.id())
            .flatMap(existing -> existing != null
                ? Uni.createFrom().failure(ApiException.conflict(email + " is already a member"))
                : store(access, user.id(), email, role))))
        .flatMap(s -> invitations.mail(access, s.invitationId(), s.member().userId, email, "member.invite",
                email + " as " + role.wire())
            .map(i -> new MemberDtos.Invited(s.member().userId, email, role.wire(), s.member().createdAt, i)));
  }

  private Uni<Stored> store(Access access, String userId, String email, WorkspaceRole role) {
    Instant now = clock.instant();
    MembershipEntity m = new MembershipEntity();
    m.id = UUID.randomUUID();
    m.tenantId = access.tenant().id();
    m.workspaceId = access.workspaceId();
    m.userId = userId;
    m.email = email;
    m.role = role.name();
    m.createdAt = now;
    InvitationEntity i = new InvitationEntity();
    i.id = UUID.randomUUID();
    i.tenantId = m.tenantId;
    i.workspaceId = m.workspaceId;
    i.email = email;
    i.role = m.role;
    i.userId = userId;
    i.invitedBy = access.caller().subject();
    i.createdAt = now;
    i.mailStatus = MailStatus.PENDING.name();
    return m.persist().flatMap(x -> i.persist()).map(x -> new Stored(m, i.id));
  }

  public Uni<List<MemberDtos.Member>> list(Access access) {
    return Panache.withSession(() -> MembershipEntity.<MembershipEntity>list(
            "tenantId = ?1 and workspaceId = ?2 order by email", access.tenant().id(), access.workspaceId()))
        .map(all -> all.stream().map(MemberService::view).toList());
  }

  public Uni<MemberDtos.Member> changeRole(Access access, String userId, String role) {
    WorkspaceRole next = WorkspaceRole.parse(role);
    return Panache.withTransaction(() -> require(access, userId).flatMap(m -> {
      String before = m.role;
      m.role = next.name();
      return audit.record(access, m.tenantId, "member.role", target(access, userId),
          before.toLowerCase() + " -> " + next.wire()).map(v -> view(m));
    }));
  }

  public Uni<Void> remove(Access access, String userId) {
    UUID tenantId = access.tenant().id();
    return Panache.withTransaction(() -> require(access, userId)
            .call(m -> m.delete())
            .call(m -> ApiTokenEntity.update("revokedAt = ?1 where tenantId = ?2 and workspaceId = ?3 and userId = ?4"
                + " and revokedAt is null", clock.instant(), tenantId, access.workspaceId(), userId))
            .call(m -> audit.record(access, tenantId, "member.remove", target(access, userId), m.email)))
        .flatMap(m -> organization.leaveIfNoRole(access.tenant(), List.of(userId)));
  }

  private static Uni<MembershipEntity> find(Access access, String userId) {
    return MembershipEntity.<MembershipEntity>find("tenantId = ?1 and workspaceId = ?2 and userId = ?3",
        access.tenant().id(), access.workspaceId(), userId).firstResult();
  }

  private static Uni<MembershipEntity> require(Access access, String userId) {
    return find(access, userId).onItem().ifNull().failWith(() -> ApiException.notFound("no member " + userId + " here"));
  }

  static String target(Access access, String userId) {
    return WorkspaceService.target(access, access.workspaceName()) + "/member/" + userId;
  }

  static MemberDtos.Member view(MembershipEntity m) {
    return new MemberDtos.Member(m.userId, m.email, m.role.toLowerCase(), m.createdAt);
  }
}
