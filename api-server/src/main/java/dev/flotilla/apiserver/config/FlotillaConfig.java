package dev.flotilla.apiserver.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The api-server's own settings ({@code flotilla.*}); each key can be overridden from the
 * environment ({@code FLOTILLA_KEYCLOAK_URL}, {@code FLOTILLA_PLATFORM_REALM}, …).
 */
@ConfigMapping(prefix = "flotilla")
public interface FlotillaConfig {

  Keycloak keycloak();

  Platform platform();

  Auth auth();

  Mail mail();

  /** Where Keycloak is and how to reach its admin API (master realm, {@code admin-cli}). */
  interface Keycloak {
    /** Base URL, e.g. {@code http://127.0.0.1:8180}. */
    String url();

    @WithDefault("admin")
    String adminUser();

    /** No default: a deployment must say it. */
    String adminPassword();
  }

  /** The platform realm: platform admins, and the organizations of shared tenants. */
  interface Platform {
    @WithDefault("flotilla")
    String realm();

    /** Redirect URIs of the notebook UI client, in every realm we provision. */
    @WithDefault("http://127.0.0.1:8080/*,http://localhost:8080/*")
    List<String> notebookRedirectUris();

    /** A platform admin (its e-mail is its user name) created at start if absent; off unless both are set. */
    Optional<String> bootstrapAdminEmail();

    Optional<String> bootstrapAdminPassword();

    /**
     * Where the notebook UI is served, as its users' browsers reach it; invitation e-mails lead
     * back to its login for the tenant ({@code <url>#/t/<tenant>}). Must match a notebook redirect URI.
     */
    @WithDefault("http://127.0.0.1:8080/")
    String notebookUrl();
  }

  interface Auth {
    /** The audience every accepted OIDC access token must carry (added by an audience mapper). */
    @WithDefault("flotilla-api")
    String audience();

    /** Longest lifetime an API token may be created with. */
    @WithDefault("P365D")
    Duration apiTokenMaxLifetime();

    /** Lifetime when a request does not say. */
    @WithDefault("P30D")
    Duration apiTokenDefaultLifetime();
  }

  /**
   * The SMTP server Keycloak sends invitation e-mails through ({@code FLOTILLA_MAIL_HOST}, …). Mail
   * is on when {@code host} is set (then {@code from} is required); unset, invitations are stored
   * but not e-mailed, and their answers say so.
   */
  interface Mail {
    Optional<String> host();

    @WithDefault("25")
    int port();

    /** The sender address of every e-mail, e.g. {@code flotilla@example.com}. */
    Optional<String> from();

    /** Display name of the sender. */
    @WithDefault("Flotilla")
    String fromName();

    /** SMTP login; no authentication unless set. */
    Optional<String> user();

    Optional<String> password();

    @WithDefault("false")
    boolean starttls();

    /** SMTP over TLS from the first byte (usually port 465). */
    @WithDefault("false")
    boolean ssl();

    /** How long an invitation's action link stays valid. */
    @WithDefault("PT72H")
    Duration invitationLifespan();
  }
}
