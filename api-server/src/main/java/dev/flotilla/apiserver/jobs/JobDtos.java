package dev.flotilla.apiserver.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The jobs API's messages. */
public final class JobDtos {
  private JobDtos() {}

  /** The {@code spec} part of a submission; {@code name}, {@code args} and {@code resources} are optional. */
  public record Spec(String name, String mainClass, List<String> args, Resources resources) {}

  /** What one job asks for; absent means 1 CPU, no GPU. */
  public record Resources(Integer cpus, Integer gpus) {}

  /**
   * A job as the API answers it; timestamps and failure are null until they happen. {@code notice}
   * says why a QUEUED job is not starting (e.g. no cluster is configured), else null.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Job(UUID id, String name, String mainClass, List<String> args, int cpus, int gpus, String status,
      String idempotencyKey, String packageSha256, String submittedBy, Instant createdAt, Instant startedAt,
      Instant endedAt, String failure, String notice) {}
}
