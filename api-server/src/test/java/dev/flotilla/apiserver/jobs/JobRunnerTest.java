package dev.flotilla.apiserver.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.apiserver.launch.Outcome;
import org.junit.jupiter.api.Test;

class JobRunnerTest {
  @Test
  void describe_eachKindOfFailure_saysWhatHappenedInWords() {
    assertThat(JobRunner.describe(new Outcome.Failed("APPLICATION", "java.lang.IllegalStateException", "boom")))
        .isEqualTo("java.lang.IllegalStateException: boom");
    assertThat(JobRunner.describe(new Outcome.Failed("APPLICATION", "dev.flotilla.runtime.internal.jobs.JobMainFailedException",
        "java.lang.IllegalStateException: boom"))).isEqualTo("java.lang.IllegalStateException: boom");
    assertThat(JobRunner.describe(new Outcome.Failed("EXECUTOR_DIED", "", "exit code 137")))
        .isEqualTo("the job's executor died before it reported: exit code 137");
    assertThat(JobRunner.describe(new Outcome.Failed("QUOTA_EXCEEDED", "dev.flotilla.api.QuotaExceededException",
        "workspace 'w' has spent its GPU budget"))).isEqualTo("quota: workspace 'w' has spent its GPU budget");
    assertThat(JobRunner.describe(new Outcome.Failed("CANCELLED", "", "the scheduler no longer knows this launch")))
        .isEqualTo("CANCELLED: the scheduler no longer knows this launch");
  }
}
