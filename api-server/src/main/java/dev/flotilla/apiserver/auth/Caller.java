package dev.flotilla.apiserver.auth;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The authenticated party of a request, from either kind of credential: an OIDC access token
 * (issuer, organizations, realm roles) or one of our API tokens ({@code apiToken} set; issuer
 * null). {@code subject} is the Keycloak user id in both cases.
 */
public record Caller(String subject, String name, String issuer, Set<String> organizations, Set<String> realmRoles,
    ApiTokenGrant apiToken) {

  /** Reads the caller of an authenticated identity. */
  public static Caller of(SecurityIdentity identity) {
    ApiTokenGrant grant = identity.getAttribute(ApiTokenGrant.ATTRIBUTE);
    if (grant != null) {
      String subject = identity.getPrincipal().getName();
      return new Caller(subject, subject, null, Set.of(), Set.of(), grant);
    }
    if (!(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getSubject() == null) {
      throw new IllegalStateException("unexpected principal " + identity.getPrincipal().getClass().getName());
    }
    Object username = jwt.getClaim("preferred_username");
    String name = username != null ? unquote(username) : jwt.getSubject();
    return new Caller(jwt.getSubject(), name, jwt.getIssuer(), organizations(jwt.getClaim("organization")),
        realmRoles(jwt.getClaim("realm_access")), null);
  }

  /** A short form for the audit trail: who, and through what. */
  public String actor() {
    return apiToken != null ? subject + " (api token " + apiToken.tokenId() + ")" : name + " (" + subject + ")";
  }

  /** The claim is a list of aliases, or a map keyed by alias when ids or attributes are added. */
  private static Set<String> organizations(Object claim) {
    return switch (claim) {
      case Map<?, ?> map -> strings(map.keySet());
      case Collection<?> list -> strings(list);
      case null, default -> Set.of();
    };
  }

  private static Set<String> realmRoles(Object claim) {
    if (claim instanceof Map<?, ?> access && access.get("roles") instanceof Collection<?> roles) {
      return strings(roles);
    }
    return Set.of();
  }

  private static Set<String> strings(Collection<?> values) {
    return Set.copyOf(values.stream().map(Caller::unquote).toList());
  }

  /** JSON-P string values print with quotes. */
  private static String unquote(Object v) {
    String s = v instanceof jakarta.json.JsonString js ? js.getString() : v.toString();
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }
}
