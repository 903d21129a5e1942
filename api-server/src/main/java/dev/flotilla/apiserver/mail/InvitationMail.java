package dev.flotilla.apiserver.mail;

import dev.flotilla.apiserver.auth.TenantRef;
import dev.flotilla.apiserver.config.FlotillaConfig;
import dev.flotilla.apiserver.keycloak.KeycloakException;
import dev.flotilla.apiserver.keycloak.KeycloakProvisioner;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Sends an invited user the e-mail with the link to their required actions, through Keycloak.
 * The link ends at the notebook UI's login for the tenant. A refusal by Keycloak (it answers 500
 * when SMTP fails) becomes a {@link MailStatus#FAILED} outcome, not a failure. Non-blocking.
 */
@ApplicationScoped
public class InvitationMail {
  private static final Logger LOG = Logger.getLogger(InvitationMail.class);
  private final KeycloakProvisioner keycloak;
  private final FlotillaConfig config;

  InvitationMail(KeycloakProvisioner keycloak, FlotillaConfig config) {
    this.keycloak = keycloak;
    this.config = config;
  }

  /** Whether a mail server is configured at all. */
  public boolean configured() {
    return keycloak.mailConfigured();
  }

  public Uni<MailOutcome> send(TenantRef tenant, String userId, String email) {
    if (!configured()) {
      return Uni.createFrom().item(new MailOutcome(MailStatus.NOT_CONFIGURED,
          "No e-mail was sent: this server has no mail configured (flotilla.mail.host). " + email
              + " exists in Keycloak realm " + tenant.realm() + " without a password; until mail is configured"
              + " (then resend the invitation), a Keycloak administrator must set a temporary password for this"
              + " user (admin console: Users, Credentials) and hand it over."));
    }
    var lifespan = config.mail().invitationLifespan();
    return keycloak.requiredActions(tenant.realm(), userId).flatMap(actions -> {
      if (actions.isEmpty()) {
        return Uni.createFrom().item(new MailOutcome(MailStatus.NOT_NEEDED,
            "No e-mail was sent: " + email + " already has an account with nothing left to set up; they log in as before."));
      }
      return keycloak.sendActionsEmail(tenant.realm(), userId, actions, loginUrl(tenant), lifespan)
          .map(v -> new MailOutcome(MailStatus.SENT, "E-mail sent to " + email + " (" + String.join(", ", actions)
              + "); its link is valid for " + lifespan.toHours() + " h."))
          .onFailure(KeycloakException.class).recoverWithItem(e -> {
            LOG.warnf("invitation e-mail to %s in %s not sent: %s", email, tenant.realm(), e.getMessage());
            return new MailOutcome(MailStatus.FAILED, "The invitation is stored, but Keycloak could not send the e-mail to "
                + email + " (is the SMTP server " + keycloak.mailHost()
                + " up?); resend it once mail works. Keycloak said: " + e.getMessage());
          });
    });
  }

  /** The notebook UI's login for the tenant: where the e-mailed link ends. */
  String loginUrl(TenantRef tenant) {
    String base = config.platform().notebookUrl();
    return (base.endsWith("/") ? base : base + "/") + "#/t/" + tenant.slug();
  }
}
