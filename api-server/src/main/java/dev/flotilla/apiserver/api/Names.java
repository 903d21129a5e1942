package dev.flotilla.apiserver.api;

/** The shapes of names that appear in paths: lower-case DNS labels, so they are safe in URLs and Keycloak. */
public final class Names {
  /** A tenant name: 3–32 characters, also part of its dedicated realm's name. */
  public static final String TENANT = "^[a-z][a-z0-9-]{1,30}[a-z0-9]$";

  /** A workspace name: 2–63 characters. */
  public static final String WORKSPACE = "^[a-z][a-z0-9-]{0,61}[a-z0-9]$";

  public static final String TENANT_MESSAGE = "3-32 characters: lower-case letters, digits and '-', starting with a letter";
  public static final String WORKSPACE_MESSAGE = "2-63 characters: lower-case letters, digits and '-', starting with a letter";

  private Names() {}
}
