package dev.flotilla.apiserver.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Request and response bodies of {@code …/workspaces/{w}/members}. Roles: admin, member, viewer. */
public final class MemberDtos {
  static final String ROLE = "^(admin|member|viewer)$";
  static final String ROLE_MESSAGE = "one of admin, member, viewer";

  private MemberDtos() {}

  public record Invite(
      @NotNull @Email @Size(max = 254) String email,
      @NotNull @Pattern(regexp = ROLE, message = ROLE_MESSAGE) String role) {}

  public record ChangeRole(@NotNull @Pattern(regexp = ROLE, message = ROLE_MESSAGE) String role) {}

  public record Member(String userId, String email, String role, Instant since) {}
}
