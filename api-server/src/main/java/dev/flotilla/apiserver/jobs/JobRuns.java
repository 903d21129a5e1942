package dev.flotilla.apiserver.jobs;

import dev.flotilla.protocol.jobs.v1.JobControl;
import io.grpc.stub.StreamObserver;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The jobs this api-server has launched and not yet seen end, in memory: each with the SHA-256 of
 * its per-launch secret (the secret itself is only handed to the launch), what the launcher
 * answered, the driver's control stream once it has said Hello, and its log budget. A job whose
 * api-server restarts is not here any more (see the package overview). Thread-safe.
 */
@ApplicationScoped
class JobRuns {
  private final SecureRandom random = new SecureRandom();
  private final Map<UUID, Run> runs = new ConcurrentHashMap<>();

  /** One launched job. Fields change from the launch thread and the channel's threads. */
  static final class Run {
    final UUID jobId;
    final byte[] secretHash;
    final LogBudget budget;
    volatile dev.flotilla.apiserver.launch.Launched launched;
    volatile StreamObserver<JobControl> control;
    volatile boolean finishedReported;

    Run(UUID jobId, byte[] secretHash, LogBudget budget) {
      this.jobId = jobId;
      this.secretHash = secretHash;
      this.budget = budget;
    }

    /** Sends on the driver's stream, if it is there; serialised (gRPC observers are not thread-safe). */
    void send(JobControl c) {
      StreamObserver<JobControl> out = control;
      if (out != null) {
        synchronized (out) {
          try {
            out.onNext(c);
          } catch (RuntimeException closed) {
            // the driver's stream is gone; the launcher's stop reaches its executors anyway
          }
        }
      }
    }
  }

  /**
   * Registers a launch and returns its fresh secret (32 random bytes, URL-safe base64); null when
   * the job is already registered, so one job is never launched twice at once.
   */
  String register(UUID jobId, LogBudget budget) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    return runs.putIfAbsent(jobId, new Run(jobId, hash(secret), budget)) == null ? secret : null;
  }

  Optional<Run> get(UUID jobId) {
    return Optional.ofNullable(runs.get(jobId));
  }

  /** The run whose secret this is, compared in constant time; empty for an unknown job or a wrong secret. */
  Optional<Run> authenticate(UUID jobId, String secret) {
    Run r = runs.get(jobId);
    if (r == null || secret == null || !MessageDigest.isEqual(r.secretHash, hash(secret))) {
      return Optional.empty();
    }
    return Optional.of(r);
  }

  /** The jobs being run now. */
  java.util.Set<UUID> ids() {
    return java.util.Set.copyOf(runs.keySet());
  }

  void remove(UUID jobId) {
    runs.remove(jobId);
  }

  private static byte[] hash(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
