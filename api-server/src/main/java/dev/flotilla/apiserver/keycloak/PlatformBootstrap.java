package dev.flotilla.apiserver.keycloak;

import dev.flotilla.apiserver.config.FlotillaConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * At start, before HTTP is served: makes sure the platform realm exists with organizations on,
 * the {@code platform-admin} role, the audience scope and our clients; and, when configured
 * ({@code flotilla.platform.bootstrap-admin-email} and {@code …-password}), a platform admin.
 * Blocks the start thread (at most two minutes); a failure stops the start.
 */
@ApplicationScoped
class PlatformBootstrap {
  private static final Logger LOG = Logger.getLogger(PlatformBootstrap.class);
  private static final Duration LIMIT = Duration.ofMinutes(2);

  void onStart(@Observes StartupEvent event, KeycloakProvisioner provisioner, FlotillaConfig config) {
    String realm = config.platform().realm();
    Uni<Void> work = provisioner.ensurePlatformRealm();
    var email = config.platform().bootstrapAdminEmail();
    var password = config.platform().bootstrapAdminPassword();
    if (email.isPresent() && password.isPresent()) {
      work = work.flatMap(v -> provisioner.ensureUser(realm, email.get(), List.of(), password.get(), false))
          .flatMap(user -> provisioner.grantRealmRole(realm, user.id(), RealmLayout.PLATFORM_ADMIN_ROLE)
              .invoke(() -> LOG.infof("platform admin %s %s", email.get(), user.created() ? "created" : "present")));
    }
    work.await().atMost(LIMIT);
    LOG.infof("platform realm %s ready at %s", realm, config.keycloak().url());
  }
}
