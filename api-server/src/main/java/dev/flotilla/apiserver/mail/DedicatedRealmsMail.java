package dev.flotilla.apiserver.mail;

import dev.flotilla.apiserver.keycloak.KeycloakProvisioner;
import dev.flotilla.apiserver.persistence.TenantEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * At start, when mail is configured: writes the current SMTP settings into every existing
 * dedicated tenant's realm (the platform realm gets them from {@code PlatformBootstrap}), so a
 * changed or newly set {@code flotilla.mail.*} reaches realms made before. A realm that cannot be
 * updated is logged and skipped; its invitations then fail to send and say so.
 */
@ApplicationScoped
class DedicatedRealmsMail {
  private static final Logger LOG = Logger.getLogger(DedicatedRealmsMail.class);
  private static final Duration LIMIT = Duration.ofMinutes(2);

  void onStart(@Observes StartupEvent event, KeycloakProvisioner keycloak) throws Throwable {
    if (!keycloak.mailConfigured()) {
      LOG.info("mail not configured (flotilla.mail.host): invitations are stored but not e-mailed");
      return;
    }
    List<String> realms = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() ->
        TenantEntity.<TenantEntity>list("mode", "DEDICATED"))
        .map(all -> all.stream().map(t -> t.realm).toList()));
    Multi.createFrom().iterable(realms)
        .onItem().transformToUniAndConcatenate(realm -> keycloak.configureMail(realm)
            .onFailure().recoverWithUni(e -> {
              LOG.warnf("could not set the SMTP server of realm %s: %s", realm, e.getMessage());
              return Uni.createFrom().voidItem();
            }))
        .collect().last().await().atMost(LIMIT);
    LOG.infof("mail through %s: SMTP settings written to the platform realm and %d dedicated realm(s)",
        keycloak.mailHost(), realms.size());
  }
}
