package dev.flotilla.apiserver.api;

import dev.flotilla.apiserver.auth.Allow;
import dev.flotilla.apiserver.auth.CurrentAccess;
import dev.flotilla.apiserver.auth.Rule;
import dev.flotilla.apiserver.usage.UsageCsv;
import dev.flotilla.apiserver.usage.UsageMonth;
import dev.flotilla.apiserver.usage.UsageService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.InstantSource;
import java.time.LocalDate;

/**
 * Metered usage of one month ({@code ?month=yyyy-MM}, default the current one, UTC): per job of a
 * workspace for its members, per workspace for tenant admins; as JSON, or as CSV with
 * {@code Accept: text/csv} or the {@code usage.csv} paths.
 */
@Path("/api/v1/tenants/{tenant}")
@Produces({MediaType.APPLICATION_JSON, UsageCsv.MEDIA_TYPE})
public class UsageResource {
  private final UsageService usage;
  private final CurrentAccess access;
  private final InstantSource clock;

  UsageResource(UsageService usage, CurrentAccess access, InstantSource clock) {
    this.usage = usage;
    this.access = access;
    this.clock = clock;
  }

  @GET
  @Path("workspaces/{workspace}/usage")
  @Allow(Rule.WORKSPACE_MEMBER)
  public Uni<Response> workspace(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @QueryParam("month") String month, @jakarta.ws.rs.core.Context HttpHeaders headers) {
    return workspace(month, wantsCsv(headers));
  }

  @GET
  @Path("workspaces/{workspace}/usage.csv")
  @Allow(Rule.WORKSPACE_MEMBER)
  public Uni<Response> workspaceCsv(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @QueryParam("month") String month) {
    return workspace(month, true);
  }

  @GET
  @Path("usage")
  @Allow(Rule.TENANT_ADMIN)
  public Uni<Response> tenant(@PathParam("tenant") String tenant, @QueryParam("month") String month,
      @jakarta.ws.rs.core.Context HttpHeaders headers) {
    return tenant(month, wantsCsv(headers));
  }

  @GET
  @Path("usage.csv")
  @Allow(Rule.TENANT_ADMIN)
  public Uni<Response> tenantCsv(@PathParam("tenant") String tenant, @QueryParam("month") String month) {
    return tenant(month, true);
  }

  private Uni<Response> workspace(String month, boolean csv) {
    LocalDate m = UsageMonth.parse(month, clock.instant());
    return usage.workspace(access.get(), m).map(u -> csv
        ? Response.ok(UsageCsv.of(u.month(), u.jobs()), UsageCsv.MEDIA_TYPE).build()
        : Response.ok(u, MediaType.APPLICATION_JSON).build());
  }

  private Uni<Response> tenant(String month, boolean csv) {
    LocalDate m = UsageMonth.parse(month, clock.instant());
    if (csv) {
      return usage.tenantJobs(access.get(), m)
          .map(jobs -> Response.ok(UsageCsv.of(UsageService.label(m), jobs), UsageCsv.MEDIA_TYPE).build());
    }
    return usage.tenant(access.get(), m).map(u -> Response.ok(u, MediaType.APPLICATION_JSON).build());
  }

  private static boolean wantsCsv(HttpHeaders headers) {
    return !headers.getAcceptableMediaTypes().isEmpty()
        && headers.getAcceptableMediaTypes().getFirst().isCompatible(MediaType.valueOf(UsageCsv.MEDIA_TYPE))
        && !headers.getAcceptableMediaTypes().getFirst().isWildcardType();
  }
}
