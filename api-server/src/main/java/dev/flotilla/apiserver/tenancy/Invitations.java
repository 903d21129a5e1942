package dev.flotilla.apiserver.tenancy;

import dev.flotilla.apiserver.api.MemberDtos;
import dev.flotilla.apiserver.audit.AuditLog;
import dev.flotilla.apiserver.auth.Access;
import dev.flotilla.apiserver.error.ApiException;
import dev.flotilla.apiserver.mail.InvitationMail;
import dev.flotilla.apiserver.mail.MailOutcome;
import dev.flotilla.apiserver.mail.MailStatus;
import dev.flotilla.apiserver.persistence.InvitationEntity;
import dev.flotilla.apiserver.persistence.MembershipEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;

/**
 * The invitations of the request's workspace and their e-mails: sending one (through
 * {@link InvitationMail}) and recording its outcome on the row with its audit row, listing them,
 * resending. A failed e-mail leaves the invitation and membership standing; the caller gets 503.
 * Non-blocking.
 */
@ApplicationScoped
public class Invitations {
  private static final int MAX_DETAIL = 500;
  private final InvitationMail mail;
  private final AuditLog audit;
  private final InstantSource clock;

  Invitations(InvitationMail mail, AuditLog audit, InstantSource clock) {
    this.mail = mail;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Sends the invitation's e-mail, then stores the outcome and an audit row ({@code action},
   * {@code detail} plus the outcome) in one transaction. Fails with 503 when the e-mail failed
   * (after storing that).
   */
  Uni<MemberDtos.Invitation> mail(Access access, UUID invitationId, String userId, String email, String action,
      String detail) {
    return mail.send(access.tenant(), userId, email)
        .flatMap(outcome -> Panache.withTransaction(() -> require(access, invitationId).flatMap(i -> {
          i.mailStatus = outcome.status().name();
          i.mailDetail = truncate(outcome.message());
          i.mailedAt = clock.instant();
          return audit.record(access, i.tenantId, action, MemberService.target(access, userId),
                  detail + "; e-mail " + outcome.status().wire() + (outcome.status() == MailStatus.FAILED
                      ? ": " + outcome.message() : ""))
              .map(v -> view(i));
        })).flatMap(view -> failIfNotSent(outcome, view)));
  }

  private static Uni<MemberDtos.Invitation> failIfNotSent(MailOutcome outcome, MemberDtos.Invitation view) {
    return outcome.status() == MailStatus.FAILED
        ? Uni.createFrom().failure(ApiException.unavailable(outcome.message() + " Resend: POST …/invitations/"
            + view.id() + "/resend."))
        : Uni.createFrom().item(view);
  }

  public Uni<List<MemberDtos.Invitation>> list(Access access) {
    return Panache.withSession(() -> InvitationEntity.<InvitationEntity>list(
            "tenantId = ?1 and workspaceId = ?2 order by createdAt desc, email", access.tenant().id(), access.workspaceId()))
        .map(all -> all.stream().map(Invitations::view).toList());
  }

  /**
   * Sends the e-mail of an invitation again (its user must still be a member here, else 409);
   * without mail configured the answer says not-configured; 503 when sending fails.
   */
  public Uni<MemberDtos.Invitation> resend(Access access, String invitationId) {
    return Uni.createFrom().item(() -> parse(invitationId)).flatMap(id -> Panache.withSession(() -> require(access, id).flatMap(i -> MembershipEntity.count(
            "tenantId = ?1 and workspaceId = ?2 and userId = ?3", i.tenantId, i.workspaceId, i.userId)
        .flatMap(n -> n == 0
            ? Uni.createFrom().<InvitationEntity>failure(ApiException.conflict(i.email + " is no longer a member here; invite again"))
            : Uni.createFrom().item(i)))))
        .flatMap(i -> mail(access, i.id, i.userId, i.email, "member.invite.resend", i.email));
  }

  private static Uni<InvitationEntity> require(Access access, UUID id) {
    return InvitationEntity.<InvitationEntity>find("id = ?1 and tenantId = ?2 and workspaceId = ?3",
            id, access.tenant().id(), access.workspaceId()).firstResult()
        .onItem().ifNull().failWith(() -> ApiException.notFound("no invitation " + id + " here"));
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("no invitation " + id + " here");
    }
  }

  private static String truncate(String s) {
    return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL - 1) + "…";
  }

  static MemberDtos.Invitation view(InvitationEntity i) {
    return new MemberDtos.Invitation(i.id, i.email, i.role.toLowerCase(), i.userId, i.invitedBy, i.createdAt,
        new MemberDtos.Mail(MailStatus.valueOf(i.mailStatus).wire(), i.mailDetail, i.mailedAt));
  }
}
