package dev.flotilla.worker.agent;

import dev.flotilla.protocol.worker.v1.ExecuteTask;
import dev.flotilla.protocol.worker.v1.WorkerMessage;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One executor JVM: its process, its stream once it said hello, tasks queued before that and
 * tasks in flight. Guarded by its own monitor.
 */
final class ExecutorProcess {
  final String executorId;
  final String jobId;
  final String gpuKey;
  final Process process;
  /** The actor this executor is dedicated to, or null for a task executor. */
  final String actorId;
  final int actorIncarnation;
  /** The OS user it runs as; null: the worker's. */
  final ExecutorUser user;
  /** What it presents to say it is this executor (its environment's FLOTILLA_EXECUTOR_SECRET). */
  private final byte[] secret;
  private StreamObserver<WorkerMessage> stream;
  private final List<ExecuteTask> queued = new ArrayList<>();
  private final Map<String, Running> inFlight = new LinkedHashMap<>();
  private boolean dead;

  /** A task sent to this executor, with what to undo when it ends. */
  record Running(ExecuteTask task, Runnable cleanup) {}

  ExecutorProcess(String executorId, String jobId, String gpuKey, Process process, String actorId, int actorIncarnation,
      ExecutorUser user, String secret) {
    this.executorId = executorId;
    this.jobId = jobId;
    this.gpuKey = gpuKey;
    this.process = process;
    this.actorId = actorId;
    this.actorIncarnation = actorIncarnation;
    this.user = user;
    this.secret = secret.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** Whether {@code presented} is this executor's secret (compared in constant time). */
  boolean holds(String presented) {
    return java.security.MessageDigest.isEqual(secret, presented.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  synchronized boolean isDead() {
    return dead;
  }

  synchronized int load() {
    return inFlight.size();
  }

  /** Sends now if connected, else when the executor says hello. False if it is dead. */
  synchronized boolean submit(ExecuteTask task, Runnable cleanup) {
    if (dead) {
      return false;
    }
    if (stream == null) {
      inFlight.put(task.getTaskId(), new Running(task, cleanup));
      queued.add(task);
      return true;
    }
    try {
      stream.onNext(WorkerMessage.newBuilder().setExecute(task).build());
    } catch (RuntimeException e) {
      // The stream is already cancelled: the process is dying; the caller starts a fresh one.
      dead = true;
      return false;
    }
    inFlight.put(task.getTaskId(), new Running(task, cleanup));
    return true;
  }

  synchronized void connected(StreamObserver<WorkerMessage> s) {
    this.stream = s;
    for (ExecuteTask t : queued) {
      s.onNext(WorkerMessage.newBuilder().setExecute(t).build());
    }
    queued.clear();
  }

  /** The task's outcome arrived; returns its record, or null if unknown (e.g. already failed). */
  synchronized Running finished(String taskId) {
    return inFlight.remove(taskId);
  }

  /** Marks the executor dead and returns the tasks it was running. */
  synchronized List<Running> died() {
    dead = true;
    var lost = new ArrayList<>(inFlight.values());
    inFlight.clear();
    queued.clear();
    if (stream != null) {
      try {
        stream.onCompleted();
      } catch (RuntimeException e) {
        // the stream is already gone with the process
      }
    }
    return lost;
  }
}
