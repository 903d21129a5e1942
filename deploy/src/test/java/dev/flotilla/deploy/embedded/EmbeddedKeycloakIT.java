package dev.flotilla.deploy.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Starts the real distribution and logs in as its bootstrap admin: the server is usable. */
class EmbeddedKeycloakIT {

  @Test
  void start_freshOrCachedDistribution_adminCanObtainToken() throws Exception {
    // Not ~/.flotilla: a `flotilla up` there may be running its own server on the same data.
    try (EmbeddedKeycloak kc = EmbeddedKeycloak.start(Path.of("target", "it-keycloak"))) {
      String form = "grant_type=password&client_id=admin-cli&username=" + kc.adminUser()
          + "&password=" + URLEncoder.encode(kc.adminPassword(), StandardCharsets.UTF_8);
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(kc.url() + "/realms/master/protocol/openid-connect/token"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(r.body()).contains("\"access_token\"");
      assertThat(kc.url()).startsWith("http://127.0.0.1:");
    }
  }
}
