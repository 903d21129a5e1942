package dev.flotilla.apiserver;

/** A Keycloak user the tests can log in as. */
public record ItUser(String realm, String email, String id) {
  /** A fresh access token (password grant of the test-only client). */
  public String token() {
    return ItPlatform.keycloak().login(realm, email, ItPlatform.PASSWORD);
  }
}
