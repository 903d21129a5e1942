package dev.flotilla.apiserver.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.apiserver.audit.AuditLog;
import dev.flotilla.apiserver.auth.Access;
import dev.flotilla.apiserver.error.ApiException;
import dev.flotilla.apiserver.error.ErrorMappers;
import dev.flotilla.apiserver.persistence.JobEntity;
import dev.flotilla.apiserver.persistence.JobLogLineEntity;
import dev.flotilla.apiserver.persistence.JobPackageEntity;
import dev.flotilla.apiserver.tenancy.WorkspaceService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;

/**
 * Jobs of the request's workspace. A submission is checked (spec, then the code package, inflated
 * on a worker thread), then the job row, its package and the audit row commit in one transaction
 * before the answer: an acknowledged job is durable. The idempotency key makes a retry find the
 * first job. Non-blocking on the event loop.
 */
@ApplicationScoped
public class JobService {
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final AuditLog audit;
  private final InstantSource clock;
  private final ObjectMapper json;
  private final Vertx vertx;
  private final CodePackageInspector inspector;
  private final long maxPackageBytes;
  private final JobSpecs specs = new JobSpecs();
  private final JobRunner runner;
  private final LogFollower follower;

  JobService(AuditLog audit, InstantSource clock, ObjectMapper json, Vertx vertx, JobsConfig config, JobRunner runner,
      LogFollower follower) {
    this.audit = audit;
    this.runner = runner;
    this.follower = follower;
    this.clock = clock;
    this.json = json;
    this.vertx = vertx;
    this.maxPackageBytes = config.maxPackageBytes();
    this.inspector = new CodePackageInspector(new CodePackageInspector.Limits(
        config.maxEntries(), config.maxUncompressedBytes(), config.maxCompressionRatio()));
  }

  /** A submission's outcome: the job and whether this request created it (else a retry found it). */
  public record Submitted(JobDtos.Job job, boolean created) {}

  /**
   * @param idempotencyKey null for none (a fresh key is made)
   * @param packageFile the uploaded package, already within the size cap
   */
  public Uni<Submitted> submit(Access access, String idempotencyKey, String specJson, Path packageFile) {
    JobSpecs.Checked spec;
    try {
      spec = specs.check(specJson == null ? null : json.readValue(specJson, JobDtos.Spec.class));
    } catch (JsonProcessingException e) {
      return Uni.createFrom().failure(e);
    }
    String key = specs.key(idempotencyKey);
    if (packageFile == null) {
      return Uni.createFrom().failure(ApiException.invalid("package", "a code package (jar or zip) is required"));
    }
    return vertx.executeBlocking(Uni.createFrom().item(() -> read(packageFile)))
        .flatMap(bytes -> vertx.executeBlocking(Uni.createFrom().item(() -> inspect(bytes)))
            .flatMap(inspected -> {
              if (!inspected.hasClass(spec.mainClass())) {
                return Uni.createFrom().failure(ApiException.invalid("mainClass",
                    "class " + spec.mainClass() + " is not in the package"));
              }
              String digest = sha256(writeJson(spec) + "\n" + inspected.sha256());
              return Panache.withTransaction(() -> find(access, key).flatMap(existing -> existing != null
                      ? retried(existing, digest, key)
                      : create(access, key, spec, digest, inspected.sha256(), bytes)))
                  // Two submissions with one key raced: the loser answers as a retry would.
                  .onFailure(ErrorMappers::uniqueViolation).recoverWithUni(() -> Panache.withSession(() -> find(access, key))
                      .flatMap(existing -> retried(existing, digest, key)))
                  .invoke(s -> {
                    if (s.created()) {
                      runner.submitted(s.job().id()); // committed: the launch may read it
                    }
                  });
            }));
  }

  private Uni<Submitted> retried(JobEntity existing, String digest, String key) {
    if (!existing.requestDigest.equals(digest)) {
      return Uni.createFrom().failure(ApiException.invalid("Idempotency-Key",
          "key " + key + " was used for a different request (job " + existing.id + ")"));
    }
    return Uni.createFrom().item(new Submitted(view(existing), false));
  }

  private Uni<Submitted> create(Access access, String key, JobSpecs.Checked spec, String digest, String packageDigest,
      byte[] bytes) {
    JobEntity j = new JobEntity();
    j.id = UUID.randomUUID();
    j.tenantId = access.tenant().id();
    j.workspaceId = access.workspaceId();
    j.idempotencyKey = key;
    j.name = spec.name();
    j.mainClass = spec.mainClass();
    j.args = writeJson(spec.args());
    j.cpus = spec.cpus();
    j.gpus = spec.gpus();
    j.state = JobState.QUEUED.name();
    j.requestDigest = digest;
    j.packageDigest = packageDigest;
    j.submittedBy = truncate(access.caller().subject(), 64);
    j.createdAt = clock.instant();
    j.updatedAt = j.createdAt;
    JobPackageEntity p = new JobPackageEntity();
    p.jobId = j.id;
    p.digest = packageDigest;
    p.bytes = bytes;
    return j.persist().flatMap(v -> p.persist())
        .flatMap(v -> audit.record(access, j.tenantId, "job.submit", target(access, j.id), j.mainClass))
        .map(v -> new Submitted(view(j), true));
  }

  /** Newest first. */
  public Uni<List<JobDtos.Job>> list(Access access) {
    return Panache.withSession(() -> JobEntity.<JobEntity>list(
            "tenantId = ?1 and workspaceId = ?2 order by createdAt desc", access.tenant().id(), access.workspaceId()))
        .map(all -> all.stream().map(this::view).toList());
  }

  public Uni<JobDtos.Job> get(Access access, String jobId) {
    return Panache.withSession(() -> require(access, jobId)).map(this::view);
  }

  /**
   * The job's log lines, oldest first, one per line: those stored so far, or with {@code follow}
   * also every line stored later, until the job has ended (see {@link LogFollower}).
   */
  public Multi<String> logs(Access access, String jobId, boolean follow) {
    Uni<UUID> job = Panache.withSession(() -> require(access, jobId)).map(j -> j.id);
    if (follow) {
      return job.onItem().transformToMulti(follower::follow);
    }
    return job.flatMap(id -> Panache.withSession(() -> JobLogLineEntity.<JobLogLineEntity>list("jobId = ?1 order by id", id)))
        .map(LogFollower::text).toMulti();
  }

  /**
   * Stops a job that has not ended (once STOPPED has committed, its driver is told and its
   * scheduler job ended); a job that has ended is answered as it is.
   */
  public Uni<JobDtos.Job> stop(Access access, String jobId) {
    boolean[] stopped = {false};
    return Panache.withTransaction(() -> require(access, jobId).flatMap(j -> {
      if (JobState.valueOf(j.state).isFinal()) {
        return Uni.createFrom().item(j);
      }
      j.state = JobState.STOPPED.name();
      j.endedAt = clock.instant();
      j.updatedAt = j.endedAt;
      stopped[0] = true;
      return audit.record(access, j.tenantId, "job.stop", target(access, j.id), null).map(v -> j);
    })).invoke(j -> {
      if (stopped[0]) {
        runner.stopped(j.id);
      }
    }).map(this::view);
  }

  private Uni<JobEntity> find(Access access, String key) {
    return JobEntity.<JobEntity>find("tenantId = ?1 and workspaceId = ?2 and idempotencyKey = ?3",
        access.tenant().id(), access.workspaceId(), key).firstResult();
  }

  /** Another tenant's or workspace's job, and a malformed id, look absent (404). */
  private static Uni<JobEntity> require(Access access, String jobId) {
    UUID id;
    try {
      id = UUID.fromString(jobId);
    } catch (IllegalArgumentException e) {
      return Uni.createFrom().failure(ApiException.notFound("no job " + jobId + " here"));
    }
    return JobEntity.<JobEntity>find("tenantId = ?1 and workspaceId = ?2 and id = ?3",
            access.tenant().id(), access.workspaceId(), id).firstResult()
        .onItem().ifNull().failWith(() -> ApiException.notFound("no job " + jobId + " here"));
  }

  private JobDtos.Job view(JobEntity j) {
    List<String> args;
    try {
      args = json.readValue(j.args, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("job " + j.id + " has unreadable args", e);
    }
    String notice = JobState.QUEUED.name().equals(j.state) && !runner.available() ? JobRunner.NO_CLUSTER : null;
    return new JobDtos.Job(j.id, j.name, j.mainClass, args, j.cpus, j.gpus, j.state, j.idempotencyKey,
        j.packageDigest, j.submittedBy, j.createdAt, j.startedAt, j.endedAt, j.failure, notice);
  }

  private CodePackageInspector.Inspected inspect(byte[] bytes) {
    try {
      return inspector.inspect(bytes);
    } catch (CodePackageInspector.RejectedPackage e) {
      throw ApiException.invalid("package", e.getMessage());
    }
  }

  /** The upload may have come chunked (no Content-Length for {@link BodyLimits} to judge): its size is checked here. */
  private byte[] read(Path file) {
    try {
      if (Files.size(file) > maxPackageBytes) {
        throw ApiException.tooLarge("the code package is over " + maxPackageBytes + " bytes");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the uploaded package", e);
    }
  }

  private String writeJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String target(Access access, UUID job) {
    return WorkspaceService.target(access, access.workspaceName()) + "/job/" + job;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static String sha256(String s) {
    return CodePackageInspector.sha256(s.getBytes(StandardCharsets.UTF_8));
  }
}
