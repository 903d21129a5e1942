package dev.flotilla.apiserver.auth;

import java.util.Locale;

/** A role inside one workspace, ranked: ADMIN > MEMBER > VIEWER. Stored upper-case, spoken lower-case. */
public enum WorkspaceRole {
  VIEWER,
  MEMBER,
  ADMIN;

  /** Whether this role passes a workspace rule. */
  public boolean satisfies(Rule rule) {
    return switch (rule) {
      case WORKSPACE_VIEWER -> true;
      case WORKSPACE_MEMBER -> this != VIEWER;
      case WORKSPACE_ADMIN -> this == ADMIN;
      case PLATFORM_ADMIN, TENANT_ADMIN -> false;
    };
  }

  /** The lower-case form used in the API. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the API's lower-case form; null when it is none of ours. */
  public static WorkspaceRole parse(String wire) {
    for (WorkspaceRole r : values()) {
      if (r.wire().equals(wire)) {
        return r;
      }
    }
    return null;
  }
}
