package dev.flotilla.runtime.internal.jobs;

import dev.flotilla.protocol.jobs.v1.Finished;
import dev.flotilla.protocol.jobs.v1.Hello;
import dev.flotilla.protocol.jobs.v1.JobChannelGrpc;
import dev.flotilla.protocol.jobs.v1.JobEvent;
import dev.flotilla.runtime.internal.client.Channels;
import dev.flotilla.runtime.internal.client.ClusterAddress;
import dev.flotilla.runtime.internal.client.FlotillaProviderImpl;
import io.grpc.ManagedChannel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The entrypoint task of a REST job: dials back to the api-server, runs the job's main class with
 * its output captured as log lines, and reports how it ended. See the package overview.
 */
public final class JobDriver {
  static final int MAX_PENDING_LINES = 10_000;
  static final int MAX_STACK_TRACE_CHARS = 65_536;
  private static final Duration FLUSH_EVERY = Duration.ofMillis(200);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration GOODBYE_TIMEOUT = Duration.ofSeconds(30);

  private JobDriver() {}

  /**
   * Runs a job's {@code public static void main(String[])} inside this executor. Blocks until main
   * has ended and the api-server has acknowledged Finished (or 30 s have passed).
   *
   * @param callbackAddress {@code flotilla://host:port} (or {@code flotillas://}) of the api-server
   * @param secret the per-launch secret, sent as {@code authorization: Bearer}
   * @return {@code "succeeded"}
   * @throws JobMainFailedException if main threw or could not be called
   * @throws IllegalStateException if the api-server refused the channel (main did not run)
   */
  public static String run(String jobId, String callbackAddress, String secret, String mainClass, String[] args) {
    if (jobId == null || jobId.isBlank() || secret == null || secret.isBlank() || mainClass == null || mainClass.isBlank()) {
      throw new IllegalArgumentException("a job driver needs a job id, a secret and a main class");
    }
    ManagedChannel channel = Channels.open(ClusterAddress.parse(callbackAddress), new Channels.Credentials(secret, null));
    FlotillaProviderImpl.lendExecutorConnection(true);
    try {
      return drive(jobId, JobChannelGrpc.newStub(channel), mainClass, args == null ? new String[0] : args,
          Thread.currentThread().getContextClassLoader(), FLUSH_EVERY, START_TIMEOUT);
    } finally {
      FlotillaProviderImpl.lendExecutorConnection(false);
      Channels.close(channel);
    }
  }

  static String drive(String jobId, JobChannelGrpc.JobChannelStub stub, String mainClass, String[] args,
      ClassLoader loader, Duration flushEvery, Duration startTimeout) {
    JobLink link = new JobLink();
    link.attach(stub.attach(link));
    link.send(JobEvent.newBuilder().setHello(Hello.newBuilder().setJobId(jobId)).build());
    awaitStarted(link, startTimeout);

    LogBatcher batcher = new LogBatcher(MAX_PENDING_LINES, l -> link.send(JobEvent.newBuilder().setLogLines(l).build()));
    ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
    flusher.scheduleWithFixedDelay(batcher::flush, flushEvery.toMillis(), flushEvery.toMillis(), TimeUnit.MILLISECONDS);
    Thread mainThread = Thread.currentThread();
    link.onStop(reason -> mainThread.interrupt());
    LogCapture.attach(batcher);
    Throwable failure = null;
    try {
      callMain(loader, mainClass, args);
    } catch (Throwable t) {
      failure = t;
    } finally {
      link.onStop(reason -> {});
      Thread.interrupted(); // a Stop may have interrupted main: the goodbye below must still wait
      LogCapture.detach(batcher);
      flusher.shutdownNow();
      batcher.flush();
    }
    link.send(JobEvent.newBuilder().setFinished(finished(failure)).build());
    link.complete();
    try {
      link.ended().get(GOODBYE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // the api-server did not acknowledge: the scheduler's outcome of this task tells it instead
    }
    if (failure != null) {
      throw new JobMainFailedException(failure.getClass().getName() + ": " + failure.getMessage(), failure);
    }
    return "succeeded";
  }

  private static void awaitStarted(JobLink link, Duration timeout) {
    try {
      link.started().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      link.complete();
      throw new IllegalStateException("the api-server refused the job channel: " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      link.complete();
      throw new IllegalStateException("the api-server did not accept the job channel within " + timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      link.complete();
      throw new IllegalStateException("interrupted before the job started", e);
    }
  }

  private static void callMain(ClassLoader loader, String mainClass, String[] args) throws Throwable {
    Method main;
    try {
      main = Class.forName(mainClass, true, loader).getMethod("main", String[].class);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("class " + mainClass + " is not in the job's code package", e);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(mainClass + " has no public static void main(String[])", e);
    }
    if (!Modifier.isStatic(main.getModifiers())) {
      throw new IllegalArgumentException(mainClass + ".main(String[]) is not static");
    }
    try {
      main.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The frames of the job's own code: the driver's and the executor's frames under main are cut. */
  static StackTraceElement[] belowMain(StackTraceElement[] frames) {
    int end = 0;
    while (end < frames.length && !frames[end].getClassName().equals(JobDriver.class.getName())) {
      end++;
    }
    while (end > 0 && (frames[end - 1].getClassName().startsWith("jdk.internal.reflect.")
        || frames[end - 1].getClassName().equals("java.lang.reflect.Method"))) {
      end--;
    }
    return end == 0 ? frames : java.util.Arrays.copyOf(frames, end);
  }

  static Finished finished(Throwable failure) {
    if (failure == null) {
      return Finished.newBuilder().setSucceeded(true).build();
    }
    StringWriter trace = new StringWriter();
    failure.setStackTrace(belowMain(failure.getStackTrace()));
    failure.printStackTrace(new PrintWriter(trace));
    String t = trace.toString();
    return Finished.newBuilder()
        .setSucceeded(false)
        .setExceptionClass(failure.getClass().getName())
        .setMessage(failure.getMessage() == null ? "" : failure.getMessage())
        .setStackTrace(t.length() <= MAX_STACK_TRACE_CHARS ? t : t.substring(0, MAX_STACK_TRACE_CHARS))
        .build();
  }
}
