package dev.flotilla.apiserver.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.InstantSource;

/** The one source of time for the api-server's own decisions (token expiry, audit times). */
@ApplicationScoped
class Clock {
  @Produces
  @ApplicationScoped
  InstantSource system() {
    return InstantSource.system();
  }
}
