package dev.flotilla.apiserver.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The access rule of one resource method, enforced by {@link AccessFilter}. A resource method
 * without it is refused (403) for everyone, so a forgotten rule fails closed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Allow {
  Rule value();

  /**
   * Whether an API token may call it (only ever for workspace rules, inside the token's own
   * workspace). Off for endpoints that must not be reachable by automation, e.g. minting tokens.
   */
  boolean apiTokens() default true;
}
