package dev.flotilla.apiserver.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shape of our API tokens and what is kept of them. */
class ApiTokenSecretsTest {

  @Test
  void generate_prefixed43UrlSafeCharactersEachTimeNew() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String t = ApiTokenSecrets.generate();
      assertThat(t).startsWith("flt_").hasSize(47).matches("flt_[A-Za-z0-9_-]{43}");
      assertThat(ApiTokenSecrets.wellFormed(t)).isTrue();
      assertThat(seen.add(t)).isTrue();
    }
  }

  @Test
  void hash_sha256OfTheWholeToken_prefixShowsOnlyTheStart() {
    String t = ApiTokenSecrets.generate();
    assertThat(ApiTokenSecrets.hash(t)).hasSize(32).isEqualTo(ApiTokenSecrets.hash(t));
    assertThat(ApiTokenSecrets.hash(t)).isNotEqualTo(ApiTokenSecrets.hash(t + "x"));
    assertThat(ApiTokenSecrets.prefix(t)).hasSize(12).isEqualTo(t.substring(0, 12));
  }

  @Test
  void wellFormed_otherCredentials_false() {
    assertThat(ApiTokenSecrets.isApiToken("eyJhbGciOi.x.y")).isFalse();
    assertThat(ApiTokenSecrets.wellFormed("flt_has space")).isFalse();
    assertThat(ApiTokenSecrets.wellFormed("flt_" + "a".repeat(200))).isFalse();
    assertThat(ApiTokenSecrets.wellFormed(null)).isFalse();
  }
}
