package dev.flotilla.apiserver.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Request and response bodies of {@code …/workspaces/{w}/tokens}. */
public final class ApiTokenDtos {
  private ApiTokenDtos() {}

  /** {@code expiresInDays} defaults to the server's default lifetime (30 days), at most its maximum (365). */
  public record CreateToken(@NotBlank @Size(max = 100) String name, @Min(1) @Max(3650) Integer expiresInDays) {}

  /** A token as listed: never the secret, only its first characters. */
  public record Token(UUID id, String name, String prefix, String userId, Instant createdAt, Instant expiresAt,
      Instant revokedAt) {}

  /** The creation answer: the only time {@code token} is shown. */
  public record CreatedToken(UUID id, String name, String prefix, String token, Instant expiresAt) {}
}
