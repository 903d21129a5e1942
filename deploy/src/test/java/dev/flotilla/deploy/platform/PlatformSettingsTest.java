package dev.flotilla.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformSettingsTest {
  private static final Path ROOT = Path.of("/repo");

  @Test
  void fromEnvironment_nothingSet_embeddedServersOnLoopback8080() {
    var s = PlatformSettings.fromEnvironment(Map.of("FLOTILLA_HOME", "/h"), ROOT);
    assertThat(s.home()).isEqualTo(Path.of("/h"));
    assertThat(s.postgresBase()).isEqualTo(Path.of("/h/postgres"));
    assertThat(s.apiUrl()).isEqualTo("http://127.0.0.1:8080");
    assertThat(s.apiServerJar()).isEqualTo(Path.of("/repo/api-server/target/quarkus-app/quarkus-run.jar"));
    assertThat(s.externalDatabase()).isNull();
    assertThat(s.externalKeycloak()).isNull();
  }

  @Test
  void fromEnvironment_externalServers_readWithDefaults() {
    var s = PlatformSettings.fromEnvironment(Map.of("FLOTILLA_HOME", "/h", "FLOTILLA_DB_HOST", "db.example",
        "FLOTILLA_DB_PASSWORD", "pw", "FLOTILLA_KEYCLOAK_URL", "https://kc.example/", "FLOTILLA_KEYCLOAK_ADMIN_PASSWORD", "kpw",
        "FLOTILLA_API_PORT", "9090", "FLOTILLA_API_HOST", "0.0.0.0"), ROOT);
    assertThat(s.externalDatabase().jdbcUrl("scheduler")).isEqualTo("jdbc:postgresql://db.example:5432/scheduler");
    assertThat(s.externalDatabase().user()).isEqualTo("flotilla");
    assertThat(s.externalDatabase().toString()).doesNotContain("pw");
    assertThat(s.externalKeycloak().url()).isEqualTo("https://kc.example");
    assertThat(s.externalKeycloak().toString()).doesNotContain("kpw");
    assertThat(s.apiUrl()).isEqualTo("http://127.0.0.1:9090");
  }

  @Test
  void fromEnvironment_externalWithoutPassword_namesTheMissingVariable() {
    assertThatThrownBy(() -> PlatformSettings.fromEnvironment(Map.of("FLOTILLA_DB_HOST", "db"), ROOT))
        .hasMessage("FLOTILLA_DB_PASSWORD must be set when FLOTILLA_DB_HOST is");
    assertThatThrownBy(() -> PlatformSettings.fromEnvironment(Map.of("FLOTILLA_KEYCLOAK_URL", "http://kc"), ROOT))
        .hasMessage("FLOTILLA_KEYCLOAK_ADMIN_PASSWORD must be set when FLOTILLA_KEYCLOAK_URL is");
  }

  @Test
  void fromEnvironment_badPort_saysWhichAndWhy() {
    assertThatThrownBy(() -> PlatformSettings.fromEnvironment(Map.of("FLOTILLA_API_PORT", "80000"), ROOT))
        .hasMessage("FLOTILLA_API_PORT must be a port number (1-65535), got 80000");
  }

  @Test
  void fromEnvironment_mail_passedOnAsSetAndSummarized() {
    var none = PlatformSettings.fromEnvironment(Map.of("FLOTILLA_HOME", "/h", "FLOTILLA_MAIL_USER", " "), ROOT);
    assertThat(none.mail()).isEmpty();
    assertThat(none.mailSummary()).isEqualTo("not configured (invitations are not e-mailed)");

    var s = PlatformSettings.fromEnvironment(Map.of("FLOTILLA_HOME", "/h", "FLOTILLA_MAIL_HOST", "smtp.example",
        "FLOTILLA_MAIL_PORT", "587", "FLOTILLA_MAIL_FROM", "ops@example.com", "FLOTILLA_MAIL_PASSWORD", "mpw",
        "FLOTILLA_OTHER", "x"), ROOT);
    assertThat(s.mail()).containsOnlyKeys("FLOTILLA_MAIL_HOST", "FLOTILLA_MAIL_PORT", "FLOTILLA_MAIL_FROM",
        "FLOTILLA_MAIL_PASSWORD");
    assertThat(s.mailSummary()).isEqualTo("SMTP smtp.example:587 from ops@example.com");
    assertThat(s.toString()).doesNotContain("mpw");
    assertThatThrownBy(() -> PlatformSettings.fromEnvironment(Map.of("FLOTILLA_MAIL_HOST", "smtp.example"), ROOT))
        .hasMessage("FLOTILLA_MAIL_FROM must be set when FLOTILLA_MAIL_HOST is");
  }
}
