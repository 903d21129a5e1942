package dev.flotilla.apiserver.kernels;

import dev.flotilla.apiserver.auth.Allow;
import dev.flotilla.apiserver.auth.CurrentAccess;
import dev.flotilla.apiserver.auth.Rule;
import dev.flotilla.apiserver.launch.PlatformLauncher;
import dev.flotilla.apiserver.notebook.NotebookService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/**
 * A notebook's kernel: members start (or find) it and get a single-use ticket for its WebSocket
 * ({@code socketPath}, subprotocols {@code flotilla.kernel.v1} and {@code ticket.<ticket>});
 * viewers see its state; members shut it down. Without a configured cluster the answer says the
 * kernel is unavailable and why, and no ticket is issued.
 */
@Path("/api/v1/tenants/{tenant}/workspaces/{workspace}/notebooks/{notebook}/kernel")
@Produces(MediaType.APPLICATION_JSON)
public class KernelResource {
  /** A kernel as the UI sees it; {@code ticket} and {@code socketPath} only from POST. */
  public record KernelView(String kernelId, String state, String reason, String ticket, Instant ticketExpiresAt,
      String socketPath) {}

  private final NotebookService notebooks;
  private final Kernels kernels;
  private final PlatformLauncher launcher;
  private final CurrentAccess access;

  KernelResource(NotebookService notebooks, Kernels kernels, PlatformLauncher launcher, CurrentAccess access) {
    this.notebooks = notebooks;
    this.kernels = kernels;
    this.launcher = launcher;
    this.access = access;
  }

  @POST
  @Allow(Rule.WORKSPACE_MEMBER)
  public Uni<KernelView> open(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @PathParam("notebook") String notebook) {
    var a = access.get();
    return notebooks.get(a, notebook).map(nb -> {
      if (!launcher.available()) {
        return new KernelView(null, "unavailable", "no cluster is configured for this platform", null, null, null);
      }
      Kernels.Opened o = kernels.open(a, nb.id());
      return new KernelView(o.kernelId(), o.state(), o.reason(), o.ticket(), o.ticketExpiresAt(),
          KernelSocketRoute.path(a.tenant().slug(), a.workspaceName(), nb.id()));
    });
  }

  @GET
  @Allow(Rule.WORKSPACE_VIEWER)
  public Uni<KernelView> get(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @PathParam("notebook") String notebook) {
    return notebooks.get(access.get(), notebook).map(nb -> kernels.find(nb.id())
        .map(s -> new KernelView(s.kernelId, s.state(), s.reason(), null, null, null))
        .orElse(new KernelView(null, "none", "", null, null, null)));
  }

  @DELETE
  @Allow(Rule.WORKSPACE_MEMBER)
  public Uni<Response> shutdown(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @PathParam("notebook") String notebook) {
    return notebooks.get(access.get(), notebook).map(nb -> {
      kernels.shutdown(nb.id(), "shut down by " + access.get().caller().subject());
      return Response.noContent().build();
    });
  }
}
