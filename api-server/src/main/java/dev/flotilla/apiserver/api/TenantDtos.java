package dev.flotilla.apiserver.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Request and response bodies of {@code /api/v1/tenants}. */
public final class TenantDtos {
  private TenantDtos() {}

  /** How a tenant's users live in Keycloak; see {@code TenantRef.Mode}. */
  public enum Mode {
    @JsonProperty("shared") SHARED,
    @JsonProperty("dedicated") DEDICATED
  }

  /** Create a tenant; {@code mode} defaults to shared. */
  public record CreateTenant(
      @NotNull @Pattern(regexp = Names.TENANT, message = Names.TENANT_MESSAGE) String name,
      @NotBlank @Size(max = 200) String displayName,
      Mode mode,
      @NotNull @Email @Size(max = 254) String adminEmail) {}

  public record Tenant(UUID id, String name, String displayName, Mode mode, String realm, Instant createdAt) {}

  /**
   * The first tenant admin. {@code temporaryPassword} is shown only in the creation answer, and is
   * null when the user already existed (it keeps its password); it must be changed at first login.
   */
  public record FirstAdmin(String userId, String email, String temporaryPassword) {}

  public record CreatedTenant(Tenant tenant, FirstAdmin admin) {}
}
