package dev.flotilla.apiserver.jobs;

import dev.flotilla.apiserver.persistence.JobLogLineEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Streams a job's log as it is written ({@code logs?follow=true}): one virtual thread per follower
 * reads the lines after its cursor (at most {@link #PAGE} at a time), emits them as one chunk, and
 * waits for the next {@link LogSignals} signal of the job (or one second, for changes made by
 * another api-server) — until the job is final and every line has been sent. It reads the state
 * before the lines, so a final state seen means every line was already stored. A client that goes
 * away ends its thread.
 */
@ApplicationScoped
class LogFollower {
  static final int PAGE = 1000;

  private final JobRecords records;
  private final LogSignals signals;

  LogFollower(JobRecords records, LogSignals signals) {
    this.records = records;
    this.signals = signals;
  }

  Multi<String> follow(UUID job) {
    return Multi.createFrom().emitter(em -> {
      Thread t = Thread.ofVirtual().name("job-logs-" + job).start(() -> {
        long cursor = 0;
        try {
          while (!em.isCancelled()) {
            CompletableFuture<Void> changed = signals.next(job);
            JobState state = JobChannelService.await(() -> records.state(job));
            long after = cursor;
            List<JobLogLineEntity> lines = JobChannelService.await(() -> Panache.withSession(() -> JobRecords.linesAfter(job, after, PAGE)));
            if (!lines.isEmpty()) {
              cursor = lines.getLast().id;
              em.emit(text(lines));
              continue;
            }
            if (state == null || state.isFinal()) {
              em.complete();
              return;
            }
            awaitChange(changed);
          }
        } catch (InterruptedException e) {
          // the client went away
        } catch (RuntimeException e) {
          em.fail(e);
        }
      });
      em.onTermination(t::interrupt);
    });
  }

  private static void awaitChange(CompletableFuture<Void> changed) throws InterruptedException {
    try {
      changed.get(1, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // read again anyway
    }
  }

  static String text(List<JobLogLineEntity> lines) {
    StringBuilder out = new StringBuilder();
    lines.forEach(l -> out.append(l.line).append('\n'));
    return out.toString();
  }
}
