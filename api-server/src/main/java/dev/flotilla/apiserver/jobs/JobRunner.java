package dev.flotilla.apiserver.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.apiserver.launch.Blob;
import dev.flotilla.apiserver.launch.Entrypoint;
import dev.flotilla.apiserver.launch.LaunchException;
import dev.flotilla.apiserver.launch.LaunchSpec;
import dev.flotilla.apiserver.launch.Launched;
import dev.flotilla.apiserver.launch.Outcome;
import dev.flotilla.apiserver.launch.PlatformLauncher;
import dev.flotilla.apiserver.persistence.JobEntity;
import dev.flotilla.protocol.jobs.v1.JobControl;
import dev.flotilla.protocol.jobs.v1.Stop;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * Runs committed jobs on the cluster. Each QUEUED job (just submitted, or found at start) is
 * launched through the {@link PlatformLauncher} on a virtual thread: its entrypoint is the SDK's
 * {@code JobDriver}, given the job id, the callback address, a fresh per-launch secret, the main
 * class and the job's arguments, holding the job's CPUs and GPUs; at most four launches talk to
 * the scheduler at once. The runner then polls the entrypoint's outcome, which decides the final
 * state when the driver could not report (its executor died, it never got to run, the scheduler
 * refused it); {@link JobChannelService} records what the driver reports. When the job ends,
 * its scheduler session is closed, which ends its executors. Without a scheduler, jobs stay QUEUED.
 */
@ApplicationScoped
public class JobRunner {
  private static final Logger LOG = Logger.getLogger(JobRunner.class);
  static final Entrypoint DRIVER = new Entrypoint("dev.flotilla.runtime.internal.jobs.JobDriver", "run",
      "(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;[Ljava/lang/String;)Ljava/lang/String;");
  static final String NO_CLUSTER = "no cluster configured: this api-server has no scheduler"
      + " (flotilla.edge.scheduler-address), so the job waits in the queue";
  private static final String ABANDONED = "the api-server restarted while the job ran; its log channel was lost"
      + " and its outcome is unknown";
  private static final String MAIN_FAILED = "dev.flotilla.runtime.internal.jobs.JobMainFailedException";
  private static final Duration POLL = Duration.ofSeconds(10);
  static final int LAUNCH_TRIES = 5;
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

  private final PlatformLauncher launcher;
  private final JobRecords records;
  private final JobRuns runs;
  private final LogSignals signals;
  private final InstantSource clock;
  private final ObjectMapper json;
  private final JobsConfig config;
  private final Semaphore launching = new Semaphore(4);

  JobRunner(PlatformLauncher launcher, JobRecords records, JobRuns runs, LogSignals signals, InstantSource clock,
      ObjectMapper json, JobsConfig config) {
    this.launcher = launcher;
    this.records = records;
    this.runs = runs;
    this.signals = signals;
    this.clock = clock;
    this.json = json;
    this.config = config;
  }

  /** Whether jobs run here at all (a scheduler is configured). */
  public boolean available() {
    return launcher.available();
  }

  /** After the edge has started (default priority), so the callback address is known. */
  void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent e) {
    if (!available()) {
      LOG.info("jobs are stored but not run: " + NO_CLUSTER);
      return;
    }
    Thread.ofVirtual().name("job-pickup").start(this::pickUp);
  }

  /**
   * What a start does once the edge listens: jobs still RUNNING that this process does not run
   * (their driver's channel went with an earlier api-server) become FAILED, and every QUEUED job
   * is launched. Blocks while it reads.
   */
  void pickUp() {
    try {
      int abandoned = JobChannelService.await(() -> records.abandonRunning(ABANDONED, clock.instant(), runs.ids()));
      List<UUID> queued = JobChannelService.await(records::queued);
      LOG.infof("jobs at start: %d queued to launch, %d left running by an earlier api-server marked FAILED",
          queued.size(), abandoned);
      queued.forEach(this::submitted);
    } catch (RuntimeException ex) {
      LOG.warn("cannot pick up queued jobs at start", ex);
    }
  }

  /** A job's submission has committed: launch it (returns at once). */
  public void submitted(UUID jobId) {
    if (available()) {
      Thread.ofVirtual().name("job-" + jobId).start(() -> run(jobId));
    }
  }

  /** A job's STOPPED has committed: tell its driver and end its scheduler job (returns at once). */
  public void stopped(UUID jobId) {
    runs.get(jobId).ifPresent(run -> {
      run.send(JobControl.newBuilder().setStop(Stop.newBuilder().setReason("stopped through the API")).build());
      Launched l = run.launched;
      if (l != null) {
        Thread.ofVirtual().name("job-stop-" + jobId).start(() -> stopQuietly(jobId, l));
      }
    });
    signals.signal(jobId);
  }

  private void run(UUID jobId) {
    try {
      JobRecords.Launchable job = JobChannelService.await(() -> records.forLaunch(jobId));
      if (job == null || !JobState.QUEUED.name().equals(job.job().state)) {
        return;
      }
      String secret = runs.register(jobId, new LogBudget(config.maxLogLineChars(), config.maxLogLines(), config.maxLogChars()));
      if (secret == null) {
        return; // already being run (a submission and the pick-up at start both saw it QUEUED)
      }
      try {
        Launched launched = launch(jobId, job, secret);
        if (launched != null) {
          follow(jobId, launched);
        }
      } finally {
        runs.remove(jobId);
        signals.signal(jobId);
      }
    } catch (RuntimeException e) {
      LOG.warnf(e, "job %s: running it failed", jobId);
      end(jobId, JobState.FAILED, "the api-server could not run the job: " + e.getMessage());
    }
  }

  /**
   * Null when the launch was refused (the job is then FAILED) or stopped meanwhile. A scheduler
   * that cannot be reached is tried again ({@link #LAUNCH_TRIES} times in all, waiting 2, 4, 8, …
   * seconds; the job stays QUEUED meanwhile); any other refusal fails the job at once.
   */
  private Launched launch(UUID jobId, JobRecords.Launchable job, String secret) {
    JobEntity j = job.job();
    List<Object> args = new ArrayList<>(List.of(jobId.toString(), launcher.callbackAddress(), secret, j.mainClass));
    args.add(args(j).toArray(String[]::new));
    LaunchSpec spec = new LaunchSpec(j.tenantId, j.workspaceId, j.name != null ? j.name : "job " + jobId,
        List.of(new Blob(job.codePackage().digest, job.codePackage().bytes)), DRIVER, args,
        Map.of("CPU", (double) j.cpus, "GPU", (double) j.gpus));
    Launched launched = null;
    for (int attempt = 1; launched == null; attempt++) {
      launching.acquireUninterruptibly();
      try {
        launched = launcher.launch(spec);
      } catch (LaunchException e) {
        if (!e.retryable() || attempt >= LAUNCH_TRIES) {
          LOG.infof("job %s: cannot launch (try %d): %s", jobId, attempt, e.getMessage());
          end(jobId, JobState.FAILED, "cannot launch" + (e.retryable() ? " after " + attempt + " tries" : "") + ": "
              + e.getMessage());
          return null;
        }
        LOG.infof("job %s: launch try %d failed, trying again: %s", jobId, attempt, e.getMessage());
      } finally {
        launching.release();
      }
      if (launched == null && !backOff(jobId, attempt)) {
        return null;
      }
    }
    Launched started = launched;
    runs.get(jobId).ifPresent(r -> r.launched = started);
    LOG.infof("job %s launched as scheduler job %s", jobId, launched.schedulerJobId());
    JobState now = JobChannelService.await(() -> records.state(jobId));
    if (now == null || now.isFinal()) {
      stopQuietly(jobId, launched); // stopped while it was being launched
      return null;
    }
    return launched;
  }

  /** Waits before the next launch try; false when the job is no longer QUEUED (stopped meanwhile). */
  private boolean backOff(UUID jobId, int attempt) {
    try {
      Thread.sleep(Duration.ofSeconds(1L << attempt)); // backoff between tries of an unreachable scheduler
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return JobChannelService.await(() -> records.state(jobId)) == JobState.QUEUED;
  }

  /** Waits for the entrypoint to end, settles the state if the driver did not, then ends the scheduler job. */
  private void follow(UUID jobId, Launched launched) {
    try {
      while (true) {
        Outcome o = launcher.poll(launched, POLL);
        switch (o) {
          case Outcome.Running r -> {
            JobState now = JobChannelService.await(() -> records.state(jobId));
            if (now == null || now.isFinal()) {
              return;
            }
          }
          case Outcome.Succeeded s -> {
            end(jobId, JobState.SUCCEEDED, null);
            return;
          }
          case Outcome.Failed f -> {
            end(jobId, JobState.FAILED, describe(f));
            return;
          }
        }
      }
    } catch (LaunchException e) {
      LOG.warnf("job %s: lost track of it: %s", jobId, e.getMessage());
      end(jobId, JobState.FAILED, "lost track of the job on the scheduler: " + e.getMessage());
    } finally {
      stopQuietly(jobId, launched);
    }
  }

  static String describe(Outcome.Failed f) {
    // the driver's own wrapper already names main's exception in its message
    String what = f.exceptionClass().isEmpty() || f.exceptionClass().equals(MAIN_FAILED) ? f.message()
        : f.exceptionClass() + ": " + f.message();
    return switch (f.kind()) {
      case "APPLICATION" -> what;
      case "EXECUTOR_DIED", "NODE_DIED" -> "the job's executor died before it reported: " + what;
      case "QUOTA_EXCEEDED" -> "quota: " + f.message();
      default -> f.kind() + ": " + what;
    };
  }

  private void end(UUID jobId, JobState state, String failure) {
    try {
      JobChannelService.await(() -> records.ended(jobId, state, failure, clock.instant()));
    } finally {
      signals.signal(jobId);
    }
  }

  private void stopQuietly(UUID jobId, Launched l) {
    try {
      launcher.stop(l);
    } catch (RuntimeException e) {
      LOG.warnf("job %s: cannot close its scheduler session %s: %s", jobId, l.sessionId(), e.getMessage());
    }
  }

  private List<String> args(JobEntity j) {
    try {
      return json.readValue(j.args, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("job " + j.id + " has unreadable args", e);
    }
  }
}
