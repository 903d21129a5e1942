package dev.flotilla.apiserver.auth;

import jakarta.enterprise.context.RequestScoped;

/** Holds the request's {@link Access}, set by {@link AccessFilter} before any resource method runs. */
@RequestScoped
public class CurrentAccess {
  private Access access;

  void set(Access access) {
    this.access = access;
  }

  /** The request's access; fails if the filter did not run (a bug, never the caller's fault). */
  public Access get() {
    if (access == null) {
      throw new IllegalStateException("no access decision for this request");
    }
    return access;
  }
}
