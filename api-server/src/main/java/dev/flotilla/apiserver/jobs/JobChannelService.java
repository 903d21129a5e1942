package dev.flotilla.apiserver.jobs;

import dev.flotilla.apiserver.launch.CallbackService;
import dev.flotilla.protocol.jobs.v1.Finished;
import dev.flotilla.protocol.jobs.v1.JobChannelGrpc;
import dev.flotilla.protocol.jobs.v1.JobControl;
import dev.flotilla.protocol.jobs.v1.JobEvent;
import dev.flotilla.protocol.jobs.v1.LogLines;
import dev.flotilla.protocol.jobs.v1.Started;
import dev.flotilla.protocol.jobs.v1.Stop;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The api-server's end of {@code flotilla.jobs.v1.JobChannel}, served on the edge's gRPC port
 * without the API-token check: each stream authenticates itself by its Hello's job id and the
 * bearer secret of that launch ({@link JobRuns}). Hello marks the job RUNNING and answers Started
 * (or Stop, if it was stopped meanwhile); log lines are stored in order, one transaction per
 * batch, within the job's {@link LogBudget}; Finished sets SUCCEEDED or FAILED (the exception's
 * class and message; its stack trace goes to the log) and completes the stream. Calls run on the
 * edge's virtual threads and block on the database there, which also holds back a driver that
 * writes faster than its lines are stored.
 */
@ApplicationScoped
public class JobChannelService implements CallbackService {
  private static final Logger LOG = Logger.getLogger(JobChannelService.class);
  private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<String> BEARER = Context.key("flotilla-job-secret");

  private final JobRuns runs;
  private final JobRecords records;
  private final LogSignals signals;
  private final InstantSource clock;

  JobChannelService(JobRuns runs, JobRecords records, LogSignals signals, InstantSource clock) {
    this.runs = runs;
    this.records = records;
    this.signals = signals;
    this.clock = clock;
  }

  @Override
  public ServerServiceDefinition definition() {
    ServerInterceptor bearer = new ServerInterceptor() {
      @Override
      public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String a = headers.get(AUTHORIZATION);
        String secret = a != null && a.startsWith("Bearer ") ? a.substring("Bearer ".length()) : null;
        return Contexts.interceptCall(Context.current().withValue(BEARER, secret), call, headers, next);
      }
    };
    JobChannelGrpc.JobChannelImplBase service = new JobChannelGrpc.JobChannelImplBase() {
      @Override
      public StreamObserver<JobEvent> attach(StreamObserver<JobControl> control) {
        return new DriverStream(BEARER.get(), control);
      }
    };
    return ServerInterceptors.intercept(service, bearer);
  }

  /** One driver's stream; gRPC delivers its events one at a time. */
  private final class DriverStream implements StreamObserver<JobEvent> {
    private final String secret;
    private final StreamObserver<JobControl> control;
    private JobRuns.Run run;
    private boolean closed;

    DriverStream(String secret, StreamObserver<JobControl> control) {
      this.secret = secret;
      this.control = control;
    }

    @Override
    public void onNext(JobEvent event) {
      if (closed) {
        return;
      }
      try {
        switch (event.getKindCase()) {
          case HELLO -> hello(event.getHello().getJobId());
          case LOG_LINES -> lines(event.getLogLines());
          case FINISHED -> finished(event.getFinished());
          case KIND_NOT_SET -> refuse(Status.INVALID_ARGUMENT.withDescription("an event without a kind"));
        }
      } catch (RuntimeException e) {
        LOG.warnf(e, "job channel of job %s failed", run == null ? "?" : run.jobId);
        refuse(Status.INTERNAL.withDescription("the api-server could not record the event"));
      }
    }

    private void hello(String jobId) {
      if (run != null) {
        refuse(Status.FAILED_PRECONDITION.withDescription("Hello was already sent"));
        return;
      }
      Optional<JobRuns.Run> found = parse(jobId).flatMap(id -> runs.authenticate(id, secret));
      if (found.isEmpty()) {
        refuse(Status.UNAUTHENTICATED.withDescription("unknown job or wrong job secret"));
        return;
      }
      run = found.get();
      synchronized (control) {
        run.control = control;
      }
      boolean started = await(() -> records.started(run.jobId, clock.instant()));
      signals.signal(run.jobId);
      LOG.infof("job %s: driver attached (running: %s)", run.jobId, started);
      run.send(started
          ? JobControl.newBuilder().setStarted(Started.getDefaultInstance()).build()
          : JobControl.newBuilder().setStop(Stop.newBuilder().setReason("the job was stopped")).build());
    }

    private void lines(LogLines batch) {
      if (run == null) {
        refuse(Status.UNAUTHENTICATED.withDescription("Hello first"));
        return;
      }
      store(batch.getStream() == LogLines.Stream.STDERR ? "stderr" : "stdout", batch.getLineList());
    }

    private void finished(Finished f) {
      if (run == null) {
        refuse(Status.UNAUTHENTICATED.withDescription("Hello first"));
        return;
      }
      run.finishedReported = true;
      if (!f.getSucceeded() && !f.getStackTrace().isEmpty()) {
        store("stderr", Arrays.asList(f.getStackTrace().split("\r?\n")));
      }
      String failure = f.getSucceeded() ? null
          : f.getExceptionClass() + (f.getMessage().isEmpty() ? "" : ": " + f.getMessage());
      boolean changed = await(() -> records.ended(run.jobId, f.getSucceeded() ? JobState.SUCCEEDED : JobState.FAILED,
          failure, clock.instant()));
      signals.signal(run.jobId);
      LOG.infof("job %s: driver finished (succeeded: %s, recorded: %s)", run.jobId, f.getSucceeded(), changed);
      close();
    }

    private void store(String stream, List<String> lines) {
      List<String> kept = run.budget.admit(lines);
      if (!kept.isEmpty()) {
        await(() -> records.append(run.jobId, stream, kept, clock.instant()));
        signals.signal(run.jobId);
      }
    }

    private void refuse(Status status) {
      closed = true;
      synchronized (control) {
        try {
          control.onError(status.asRuntimeException());
        } catch (RuntimeException alreadyClosed) {
          // the stream ended under us
        }
      }
    }

    private void close() {
      closed = true;
      synchronized (control) {
        try {
          control.onCompleted();
        } catch (RuntimeException alreadyClosed) {
          // the stream ended under us
        }
      }
    }

    @Override
    public void onError(Throwable t) {
      if (!closed) {
        closed = true;
        LOG.debugf("job channel of job %s broke: %s", run == null ? "?" : run.jobId, t);
      }
    }

    @Override
    public void onCompleted() {
      if (!closed) {
        close();
      }
    }
  }

  private static Optional<UUID> parse(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static <T> T await(Supplier<Uni<T>> work) {
    try {
      return VertxContextSupport.subscribeAndAwait(work::get);
    } catch (Throwable e) {
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e);
    }
  }
}
