package dev.flotilla.apiserver.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request and response bodies of {@code /api/v1/tenants/{t}/identity-provider}. */
public final class SsoDtos {
  private SsoDtos() {}

  /**
   * The tenant's own OpenID Connect provider: its issuer (we read {@code /.well-known/openid-configuration}
   * under it), the client registered there for us, and the e-mail domain whose users it signs in.
   */
  public record SetIdentityProvider(
      @NotNull @Size(max = 500) @Pattern(regexp = "^https?://[^\\s]+$", message = "an http(s) URL") String issuer,
      @NotBlank @Size(max = 255) String clientId,
      @NotBlank @Size(max = 500) String clientSecret,
      @NotNull @Size(max = 253) @Pattern(regexp = "^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$",
          message = "a lower-case DNS domain, e.g. example.com") String domain) {}

  /** As configured; the client secret is never returned. */
  public record IdentityProvider(String alias, String issuer, String clientId, String domain) {}
}
