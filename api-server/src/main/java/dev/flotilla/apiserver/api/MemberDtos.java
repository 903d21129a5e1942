package dev.flotilla.apiserver.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Request and response bodies of {@code …/workspaces/{w}/members} and {@code …/invitations}. Roles: admin, member, viewer. */
public final class MemberDtos {
  static final String ROLE = "^(admin|member|viewer)$";
  static final String ROLE_MESSAGE = "one of admin, member, viewer";

  private MemberDtos() {}

  public record Invite(
      @NotNull @Email @Size(max = 254) String email,
      @NotNull @Pattern(regexp = ROLE, message = ROLE_MESSAGE) String role) {}

  public record ChangeRole(@NotNull @Pattern(regexp = ROLE, message = ROLE_MESSAGE) String role) {}

  public record Member(String userId, String email, String role, Instant since) {}

  /** The answer to an invitation: the new member and what became of the e-mail. */
  public record Invited(String userId, String email, String role, Instant since, Invitation invitation) {}

  /** An invitation of the workspace; {@code mail} says whether its e-mail went out. */
  public record Invitation(java.util.UUID id, String email, String role, String userId, String invitedBy,
      Instant createdAt, Mail mail) {}

  /**
   * The e-mail of an invitation: {@code status} one of sent, failed, not-configured, not-needed;
   * {@code message} says what it means for the admin; {@code at} when it was last sent or tried.
   */
  public record Mail(String status, String message, Instant at) {}
}
