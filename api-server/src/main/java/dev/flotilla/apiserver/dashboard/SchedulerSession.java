package dev.flotilla.apiserver.dashboard;

import dev.flotilla.protocol.scheduler.v1.CloseSessionRequest;
import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import dev.flotilla.protocol.scheduler.v1.LifelineEvent;
import dev.flotilla.protocol.scheduler.v1.LifelineRequest;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * A dashboard session at the scheduler, with its lifeline held open: when the api-server dies
 * the stream breaks and the scheduler closes the session; when the scheduler restarts or drops
 * it, the session is marked {@link #broken()} and the next request opens a new one.
 */
final class SchedulerSession implements WorkspaceSessions.Session {
  private static final Logger LOG = Logger.getLogger(SchedulerSession.class);

  private final String id;
  private final ManagedChannel channel;
  private final Context.CancellableContext lifeline;
  private volatile boolean broken;

  SchedulerSession(String id, ManagedChannel channel) {
    this.id = id;
    this.channel = channel;
    this.lifeline = Context.current().fork().withCancellation();
    lifeline.run(() -> DriverServiceGrpc.newStub(channel).lifeline(LifelineRequest.newBuilder().setSessionId(id).build(),
        new StreamObserver<LifelineEvent>() {
          @Override
          public void onNext(LifelineEvent e) {}

          @Override
          public void onError(Throwable t) {
            broken = true;
          }

          @Override
          public void onCompleted() {
            broken = true;
          }
        }));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public boolean broken() {
    return broken;
  }

  @Override
  public void close() {
    broken = true;
    lifeline.cancel(null);
    try {
      DriverServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
          .closeSession(CloseSessionRequest.newBuilder().setSessionId(id).build());
    } catch (StatusRuntimeException e) {
      LOG.debugf("closing dashboard session %s: %s (the scheduler drops it with its lifeline)", id, e.getStatus());
    }
  }
}
