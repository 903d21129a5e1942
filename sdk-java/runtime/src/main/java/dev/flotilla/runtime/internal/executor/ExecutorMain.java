package dev.flotilla.runtime.internal.executor;

import dev.flotilla.protocol.worker.v1.EnsureLocalRequest;
import dev.flotilla.protocol.worker.v1.ExecuteTask;
import dev.flotilla.protocol.worker.v1.ExecutorHello;
import dev.flotilla.protocol.worker.v1.ExecutorMessage;
import dev.flotilla.protocol.worker.v1.ExecutorServiceGrpc;
import dev.flotilla.protocol.worker.v1.WorkerMessage;
import dev.flotilla.runtime.internal.client.Channels;
import dev.flotilla.runtime.internal.client.ClusterAddress;
import dev.flotilla.runtime.internal.client.FlotillaImpl;
import dev.flotilla.runtime.internal.client.FlotillaProviderImpl;
import dev.flotilla.runtime.internal.client.LocalObjects;
import dev.flotilla.runtime.internal.client.SessionContext;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The main class of an executor JVM, started by a gpu-worker for one job (and GPU set). It holds
 * one stream to its worker: tasks arrive on it, each runs on its own virtual thread, results go
 * back on it. When the worker goes away, the executor exits.
 *
 * <p>Environment: {@code FLOTILLA_WORKER} (host:port), {@code FLOTILLA_SCHEDULER}
 * (flotilla://host:port), {@code FLOTILLA_JOB_ID}, {@code FLOTILLA_EXECUTOR_ID}, {@code FLOTILLA_EXECUTOR_SECRET}.
 */
public final class ExecutorMain {
  private ExecutorMain() {}

  public static void main(String[] args) throws InterruptedException {
    String worker = require("FLOTILLA_WORKER");
    ClusterAddress scheduler = ClusterAddress.parse(require("FLOTILLA_SCHEDULER"));
    String jobId = require("FLOTILLA_JOB_ID");
    String executorId = require("FLOTILLA_EXECUTOR_ID");
    String secret = require("FLOTILLA_EXECUTOR_SECRET");

    ManagedChannel channel = Channels.open(worker);
    var localObjects = localObjects(channel, executorId, secret);
    var actors = new ActorRegistry();
    var loaders = new JobClassLoaders();
    var runner = new TaskRunner(actors, loaders);
    ExecutorService tasks = Executors.newVirtualThreadPerTaskExecutor();
    var ended = new CountDownLatch(1);
    var link = new WorkerLink(ended);
    StreamObserver<ExecutorMessage> out = ExecutorServiceGrpc.newStub(channel).connect(link);
    link.attach(out);
    link.onTask(
        task -> {
          connectOnce(scheduler, jobId, localObjects, task, loaders);
          Runnable work = () -> link.send(ExecutorMessage.newBuilder().setDone(runner.run(task)).build());
          if (task.getActorId().isEmpty()) {
            tasks.execute(work);
          } else {
            actors.lane(task.getActorId(), task.getMaxConcurrency()).execute(work);
          }
        });
    link.send(
        ExecutorMessage.newBuilder()
            .setHello(ExecutorHello.newBuilder().setExecutorId(executorId).setSecret(secret)
                .setPid(ProcessHandle.current().pid()))
            .build());
    ended.await();
    System.err.println("flotilla executor " + executorId + ": worker stream ended, exiting");
    System.exit(0);
  }

  private static volatile boolean connected;

  /** The job's connection for nested tasks, opened once the first task says which loader to use. */
  private static synchronized void connectOnce(
      ClusterAddress scheduler, String jobId, LocalObjects localObjects, ExecuteTask first,
      JobClassLoaders loaders) {
    if (connected) {
      return;
    }
    ClassLoader loader = loaders.forPackage(first.getCodePathsList());
    var ctx =
        new SessionContext(
            jobId,
            "executor:" + ProcessHandle.current().pid(),
            loader,
            true,
            new ExecutorCodePackage(),
            () -> FlotillaProviderImpl.currentTask().get(),
            localObjects);
    FlotillaProviderImpl.installExecutorClient(FlotillaImpl.open(scheduler, ctx));
    connected = true;
  }

  private static LocalObjects localObjects(ManagedChannel worker, String executorId, String secret) {
    var stub = ExecutorServiceGrpc.newBlockingStub(worker);
    return (id, location) -> {
      var file =
          stub.ensureLocal(EnsureLocalRequest.newBuilder().setObjectId(id).setLocation(location)
                  .setExecutorId(executorId).setExecutorSecret(secret).build())
              .getFile();
      try {
        return SharedMemory.map(Path.of(file.getPath()), file.getSize());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot map object " + id + " at " + file.getPath(), e);
      }
    };
  }

  private static String require(String name) {
    String v = System.getenv(name);
    if (v == null || v.isBlank()) {
      System.err.println("flotilla executor: environment variable " + name + " is not set");
      System.exit(2);
    }
    return v;
  }

  /** The stream to the worker; sends are serialised because gRPC observers are not thread-safe. */
  private static final class WorkerLink implements StreamObserver<WorkerMessage> {
    private final CountDownLatch ended;
    private StreamObserver<ExecutorMessage> out;
    private java.util.function.Consumer<ExecuteTask> onTask;

    WorkerLink(CountDownLatch ended) {
      this.ended = ended;
    }

    void attach(StreamObserver<ExecutorMessage> out) {
      this.out = out;
    }

    void onTask(java.util.function.Consumer<ExecuteTask> handler) {
      this.onTask = handler;
    }

    synchronized void send(ExecutorMessage m) {
      out.onNext(m);
    }

    @Override
    public void onNext(WorkerMessage m) {
      if (m.hasExecute()) {
        onTask.accept(m.getExecute());
      }
    }

    @Override
    public void onError(Throwable t) {
      ended.countDown();
    }

    @Override
    public void onCompleted() {
      ended.countDown();
    }
  }
}
