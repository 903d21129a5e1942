package dev.flotilla.apiserver.jobs;

import dev.flotilla.apiserver.persistence.JobEntity;
import dev.flotilla.apiserver.persistence.JobLogLineEntity;
import dev.flotilla.apiserver.persistence.JobPackageEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The job rows as the runner changes them. Every state change is a conditional update (from a
 * state that is not final), so a stop and a finish that race leave whichever came first.
 * Non-blocking; callers off the event loop await the results.
 */
@ApplicationScoped
class JobRecords {
  private static final List<String> NOT_FINAL = List.of(JobState.QUEUED.name(), JobState.RUNNING.name());

  /** What a launch needs: the job's row and its package. */
  record Launchable(JobEntity job, JobPackageEntity codePackage) {}

  Uni<Launchable> forLaunch(UUID id) {
    return Panache.withSession(() -> JobEntity.<JobEntity>findById(id).flatMap(j -> j == null
        ? Uni.createFrom().nullItem()
        : JobPackageEntity.<JobPackageEntity>findById(id).map(p -> new Launchable(j, p))));
  }

  Uni<List<UUID>> queued() {
    return Panache.withSession(() -> JobEntity.<JobEntity>list("state = ?1 order by createdAt", JobState.QUEUED.name()))
        .map(all -> all.stream().map(j -> j.id).toList());
  }

  /** QUEUED → RUNNING; true when it changed. */
  Uni<Boolean> started(UUID id, Instant at) {
    return Panache.withTransaction(() -> JobEntity.update(
            "state = ?1, startedAt = ?2, updatedAt = ?2 where id = ?3 and state = ?4",
            JobState.RUNNING.name(), at, id, JobState.QUEUED.name()))
        .map(n -> n > 0);
  }

  /** A job not yet final becomes {@code state}; true when it changed. */
  Uni<Boolean> ended(UUID id, JobState state, String failure, Instant at) {
    return Panache.withTransaction(() -> JobEntity.update(
            "state = ?1, failure = ?2, endedAt = ?3, updatedAt = ?3 where id = ?4 and state in ?5",
            state.name(), failure, at, id, NOT_FINAL))
        .map(n -> n > 0);
  }

  /**
   * Every RUNNING job but those this process runs ({@code ours}) becomes FAILED with {@code
   * failure}: no driver of them can reach this process.
   */
  Uni<Integer> abandonRunning(String failure, Instant at, java.util.Set<UUID> ours) {
    return Panache.withTransaction(() -> ours.isEmpty()
        ? JobEntity.update("state = ?1, failure = ?2, endedAt = ?3, updatedAt = ?3 where state = ?4",
            JobState.FAILED.name(), failure, at, JobState.RUNNING.name())
        : JobEntity.update("state = ?1, failure = ?2, endedAt = ?3, updatedAt = ?3 where state = ?4 and id not in ?5",
            JobState.FAILED.name(), failure, at, JobState.RUNNING.name(), ours));
  }

  Uni<JobState> state(UUID id) {
    return Panache.withSession(() -> JobEntity.<JobEntity>findById(id))
        .map(j -> j == null ? null : JobState.valueOf(j.state));
  }

  /** Appends lines in order, in one transaction. */
  Uni<Void> append(UUID id, String stream, List<String> lines, Instant at) {
    List<JobLogLineEntity> rows = new ArrayList<>(lines.size());
    for (String line : lines) {
      JobLogLineEntity row = new JobLogLineEntity();
      row.jobId = id;
      row.stream = stream;
      row.line = line;
      row.at = at;
      rows.add(row);
    }
    return Panache.withTransaction(() -> JobLogLineEntity.persist(rows));
  }

  /** At most {@code limit} lines after the line with id {@code afterId}, oldest first. */
  static Uni<List<JobLogLineEntity>> linesAfter(UUID id, long afterId, int limit) {
    return JobLogLineEntity.<JobLogLineEntity>find("jobId = ?1 and id > ?2 order by id", id, afterId).page(0, limit).list();
  }
}
