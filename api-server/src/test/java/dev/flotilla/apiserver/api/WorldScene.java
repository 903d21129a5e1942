package dev.flotilla.apiserver.api;

import dev.flotilla.apiserver.ItWorld;

/**
 * A world's own, lasting resources as the targets of every call: used where no call may succeed
 * (an attack that did would damage them; a bad request that did would change them).
 */
record WorldScene(ItWorld w) implements Endpoints.Scene {
  @Override
  public String tenant() {
    return w.tenant.name();
  }

  @Override
  public String workspace() {
    return w.workspace;
  }

  @Override
  public String disposableWorkspace() {
    return w.workspace;
  }

  @Override
  public String disposableMember() {
    return w.member.id();
  }

  @Override
  public String invitation() {
    return w.tenant.invitationId(w.workspace, w.member.email());
  }

  @Override
  public String memberToken() {
    return w.memberToken.id();
  }

  @Override
  public String disposableTenant() {
    return w.tenant.name();
  }

  @Override
  public String notebook() {
    return w.notebook;
  }

  @Override
  public String job() {
    return JobUploads.lastingJob(w);
  }
}
