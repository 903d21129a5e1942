package dev.flotilla.apiserver.jobs;

import dev.flotilla.apiserver.auth.Allow;
import dev.flotilla.apiserver.auth.CurrentAccess;
import dev.flotilla.apiserver.auth.Rule;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Jobs of a workspace. Members submit (multipart: {@code package} = the jar, {@code spec} = JSON;
 * header {@code Idempotency-Key}) and stop; viewers list, read and read logs. 201 for a new job,
 * 200 when the key finds the job a previous identical request made.
 */
@Path("/api/v1/tenants/{tenant}/workspaces/{workspace}/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {
  private final JobService jobs;
  private final CurrentAccess access;

  JobResource(JobService jobs, CurrentAccess access) {
    this.jobs = jobs;
    this.access = access;
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Allow(Rule.WORKSPACE_MEMBER)
  public Uni<Response> submit(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @RestHeader("Idempotency-Key") String idempotencyKey, @RestForm("spec") String spec,
      @RestForm("package") FileUpload codePackage) {
    return jobs.submit(access.get(), idempotencyKey, spec, codePackage == null ? null : codePackage.uploadedFile())
        .map(s -> Response.status(s.created() ? 201 : 200).entity(s.job()).build());
  }

  @GET
  @Allow(Rule.WORKSPACE_VIEWER)
  public Uni<List<JobDtos.Job>> list(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace) {
    return jobs.list(access.get());
  }

  @GET
  @Path("{job}")
  @Allow(Rule.WORKSPACE_VIEWER)
  public Uni<JobDtos.Job> get(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @PathParam("job") String job) {
    return jobs.get(access.get(), job);
  }

  /** The log so far; with {@code follow=true} a chunked stream of lines as they are stored, ending when the job has. */
  @GET
  @Path("{job}/logs")
  @Produces(MediaType.TEXT_PLAIN)
  @Allow(Rule.WORKSPACE_VIEWER)
  public Multi<String> logs(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @PathParam("job") String job, @RestQuery("follow") boolean follow) {
    return jobs.logs(access.get(), job, follow);
  }

  @POST
  @Path("{job}/stop")
  @Allow(Rule.WORKSPACE_MEMBER)
  public Uni<JobDtos.Job> stop(@PathParam("tenant") String tenant, @PathParam("workspace") String workspace,
      @PathParam("job") String job) {
    return jobs.stop(access.get(), job);
  }
}
