package dev.flotilla.apiserver.api;

import dev.flotilla.apiserver.auth.Allow;
import dev.flotilla.apiserver.auth.CurrentAccess;
import dev.flotilla.apiserver.auth.Rule;
import dev.flotilla.apiserver.tenancy.Invitations;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * A workspace's invitations (made by {@code POST …/members}), for its admins: list them with what
 * became of their e-mails, and resend one (its {@code mail.status} says not-configured when no
 * mail server is configured; 503 when sending fails; 409 when the user is no longer a member).
 */
@Path("/api/v1/tenants/{tenant}/workspaces/{workspace}/invitations")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {
  private final Invitations invitations;
  private final CurrentAccess access;

  InvitationResource(Invitations invitations, CurrentAccess access) {
    this.invitations = invitations;
    this.access = access;
  }

  @GET
  @Allow(Rule.WORKSPACE_ADMIN)
  public Uni<List<MemberDtos.Invitation>> list(@PathParam("tenant") String tenant,
      @PathParam("workspace") String workspace) {
    return invitations.list(access.get());
  }

  @POST
  @Path("{invitation}/resend")
  @Allow(value = Rule.WORKSPACE_ADMIN, apiTokens = false)
  public Uni<MemberDtos.Invitation> resend(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @PathParam("invitation") String invitation) {
    return invitations.resend(access.get(), invitation);
  }
}
