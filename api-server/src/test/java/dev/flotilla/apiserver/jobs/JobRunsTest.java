package dev.flotilla.apiserver.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobRunsTest {
  private final JobRuns runs = new JobRuns();

  @Test
  void authenticate_theLaunchsSecret_findsItsRun_anythingElseNothing() {
    UUID job = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    String secret = runs.register(job, new LogBudget(10, 10, 100));
    String otherSecret = runs.register(other, new LogBudget(10, 10, 100));

    assertThat(secret).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(otherSecret);
    assertThat(runs.authenticate(job, secret)).hasValueSatisfying(r -> assertThat(r.jobId).isEqualTo(job));
    assertThat(runs.authenticate(job, otherSecret)).as("another job's secret").isEmpty();
    assertThat(runs.authenticate(job, secret + "x")).isEmpty();
    assertThat(runs.authenticate(job, null)).isEmpty();
    assertThat(runs.authenticate(UUID.randomUUID(), secret)).as("an unknown job").isEmpty();

    assertThat(runs.register(job, new LogBudget(10, 10, 100))).as("a job already being run").isNull();
    assertThat(runs.authenticate(job, secret)).as("the first launch's secret still holds").isPresent();
    assertThat(runs.ids()).containsExactlyInAnyOrder(job, other);

    runs.remove(job);
    assertThat(runs.authenticate(job, secret)).as("a run that ended").isEmpty();
  }
}
