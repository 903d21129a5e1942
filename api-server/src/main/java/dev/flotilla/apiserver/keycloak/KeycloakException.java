package dev.flotilla.apiserver.keycloak;

/** Keycloak's admin API answered with an unexpected status; carries it and the body. */
public class KeycloakException extends RuntimeException {
  private final int status;

  public KeycloakException(String request, int status, String body) {
    super(request + " -> HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body)));
    this.status = status;
  }

  public int status() {
    return status;
  }

  private static String abbreviate(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
