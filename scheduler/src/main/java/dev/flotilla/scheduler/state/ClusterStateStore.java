package dev.flotilla.scheduler.state;

import java.util.List;

/**
 * What the scheduler keeps across its own restart: jobs and their sessions, actors (spec, where
 * they live, incarnation, restarts left) and placement groups (spec and where each bundle is
 * reserved). Every write returns once it is durable, so an acknowledged submission survives a
 * {@code kill -9}. Tasks, objects and references are not stored: the clients that own them
 * re-send them after a restart, and nodes report what they run and hold.
 *
 * <p>Implementations are thread-safe; the scheduler calls them under its own lock.
 */
public interface ClusterStateStore extends AutoCloseable {

  /** A session; the job's driver session ends the job when it closes. */
  record SessionRow(String sessionId, String jobId, boolean driver, String clientName, String tenant, String workspace) {}

  /**
   * An actor as last saved.
   *
   * @param state CREATING, ALIVE or DEAD
   * @param nodeId where it is alive (empty unless ALIVE)
   */
  record ActorRow(String actorId, String jobId, boolean detached, byte[] spec, String state, String nodeId,
      int incarnation, int restartsLeft, String deathReason, String tenant, String workspace) {}

  /** Where one bundle of a placed group is reserved. */
  record BundlePlacement(String nodeId, List<Integer> gpuIndices) {}

  /**
   * A placement group.
   *
   * @param bundles one entry per bundle once placed; empty while not placed
   */
  record GroupRow(String groupId, String jobId, byte[] spec, List<BundlePlacement> bundles) {}

  /** Everything stored, read once at start. */
  record Snapshot(List<SessionRow> sessions, List<ActorRow> actors, List<GroupRow> groups) {
    public static final Snapshot EMPTY = new Snapshot(List.of(), List.of(), List.of());
  }

  Snapshot load();

  /** A session opened; a driver session's job becomes a running job. */
  void sessionOpened(SessionRow session);

  void sessionClosed(String sessionId);

  /** The job ended: its sessions, groups and (non-detached) actor rows go. */
  void jobEnded(String jobId);

  void actorSaved(ActorRow actor);

  void actorRemoved(String actorId);

  void groupSaved(GroupRow group);

  void groupRemoved(String groupId);

  /** True when the store survives a restart (a database), false for the in-memory default. */
  boolean durable();

  @Override
  void close();

  /** Keeps nothing: a scheduler restart loses its state. */
  ClusterStateStore NONE = new ClusterStateStore() {
    @Override public Snapshot load() { return Snapshot.EMPTY; }
    @Override public void sessionOpened(SessionRow session) { }
    @Override public void sessionClosed(String sessionId) { }
    @Override public void jobEnded(String jobId) { }
    @Override public void actorSaved(ActorRow actor) { }
    @Override public void actorRemoved(String actorId) { }
    @Override public void groupSaved(GroupRow group) { }
    @Override public void groupRemoved(String groupId) { }
    @Override public boolean durable() { return false; }
    @Override public void close() { }
  };
}
