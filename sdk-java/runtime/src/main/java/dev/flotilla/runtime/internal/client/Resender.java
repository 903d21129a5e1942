package dev.flotilla.runtime.internal.client;

import dev.flotilla.api.ClusterUnavailableException;
import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import dev.flotilla.protocol.scheduler.v1.PutInlineRequest;
import dev.flotilla.protocol.scheduler.v1.RefsRequest;
import io.grpc.StatusRuntimeException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Re-sends a session's {@link Journal} after the scheduler came back. After a restart everything
 * goes again, in submission order: actors and placement groups (the scheduler kept those, so this
 * is a no-op), small puts with their bytes, and tasks and actor calls — as a put of the value when
 * this client already fetched it (so the work does not run again), else as the task or call
 * itself (the scheduler adopts it if a node still runs or already ran it, else it runs again:
 * at-least-once). Actor calls are renumbered from 0 per actor, as the restarted scheduler expects
 * of this session. After a passing hiccup only unacknowledged entries are re-sent, unchanged.
 */
final class Resender implements Reconnector.Recovery {
  private static final Logger LOG = Logger.getLogger(Resender.class.getName());

  private final Journal journal;
  private final DriverServiceGrpc.DriverServiceBlockingStub stub;
  private final String sessionId;
  private final BytesCache fetched;
  private final Map<String, AtomicLong> callSequences;

  Resender(Journal journal, DriverServiceGrpc.DriverServiceBlockingStub stub, String sessionId, BytesCache fetched,
      Map<String, AtomicLong> callSequences) {
    this.journal = journal;
    this.stub = stub;
    this.sessionId = sessionId;
    this.fetched = fetched;
    this.callSequences = callSequences;
  }

  @Override
  public void afterRestart() {
    Map<String, Long> next = new HashMap<>();
    int sent = 0;
    for (Journal.Entry e : journal.all()) {
      byte[] value = e instanceof Journal.Task || e instanceof Journal.Call ? fetched.get(e.id()) : null;
      if (e instanceof Journal.Call c && value == null) { // sent as a call: numbered without gaps
        long seq = next.merge(c.spec().getActorId(), 1L, Long::sum) - 1;
        var renumbered = new Journal.Call(c.spec().toBuilder().setSequence(seq).build(), c.created());
        journal.renumbered(renumbered);
        e = renumbered;
      }
      sent += resend(e, value) ? 1 : 0;
    }
    for (var s : callSequences.entrySet()) {
      synchronized (s.getValue()) {
        s.getValue().set(next.getOrDefault(s.getKey(), 0L));
      }
    }
    int n = sent;
    LOG.info(() -> "re-sent " + n + " journal entr" + (n == 1 ? "y" : "ies") + " to the restarted scheduler");
  }

  @Override
  public void afterBlip() {
    for (Journal.Entry e : journal.unacknowledged()) {
      resend(e, null);
    }
  }

  @Override
  public void failed(ClusterUnavailableException why) {
    for (Journal.Entry e : journal.unacknowledged()) {
      e.created().completeExceptionally(why);
    }
  }

  /** Sends one entry (as a put of {@code value} when given); false when the scheduler refused it (its ref then fails). Unreachable: throws. */
  private boolean resend(Journal.Entry e, byte[] value) {
    var s = stub.withDeadlineAfter(30, TimeUnit.SECONDS);
    try {
      if (value != null) {
        put(s, e.id(), value);
      } else {
        switch (e) {
          case Journal.Actor a -> s.createActor(a.spec());
          case Journal.Group g -> s.createPlacementGroup(g.spec());
          case Journal.InlinePut p -> put(s, p.id(), p.bytes());
          case Journal.StoredPut p -> s.addRefs(RefsRequest.newBuilder().setSessionId(sessionId).addObjectIds(p.id()).build());
          case Journal.Task t -> s.submitTask(t.spec());
          case Journal.Call c -> s.submitActorCall(c.spec());
        }
      }
      e.created().complete(null);
      return true;
    } catch (StatusRuntimeException x) {
      if (Reconnector.unreachable(x)) {
        throw x;
      }
      LOG.warning(() -> "the scheduler refused re-sent " + e.id() + ": " + x.getStatus());
      e.created().completeExceptionally(RemoteErrors.fromStatus(x, null));
      journal.remove(e.id());
      return false;
    }
  }

  private void put(DriverServiceGrpc.DriverServiceBlockingStub s, String id, byte[] bytes) {
    s.putInline(PutInlineRequest.newBuilder().setSessionId(sessionId).setObjectId(id)
        .setData(FlotillaImpl.bytes(bytes)).build());
  }
}
