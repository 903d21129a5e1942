package dev.flotilla.scheduler.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The scheduler's mutable picture of the fleet: nodes, what they advertise, and what is reserved on
 * them, down to the share of each GPU device.
 *
 * <p>Not thread-safe: the service calls every method under one lock. Planning only reads it ({@link
 * #nodes()} returns cached immutable {@link NodeView}s, so reading is allocation-free); {@link
 * #reserve} is the single step that commits a decision and re-checks capacity first. {@link
 * #version()} changes on every mutation so callers can reuse answers computed against an unchanged
 * state.
 */
public final class ClusterState {
  private final Map<String, NodeEntry> entries = new LinkedHashMap<>();
  private final Map<String, NodeView> views = new LinkedHashMap<>();
  private final Collection<NodeView> viewsReadOnly =
      Collections.unmodifiableCollection(views.values());
  private long version;

  /**
   * Registers a node or updates it (a re-registration also revives a dead node). Reservations
   * already held on the node are kept and subtracted from the new total. {@code total}'s GPU
   * amount, when present, must equal {@code gpuCount}; when absent it is set to it. Repeating the
   * registration of a live node unchanged is a no-op, so it may be called on every heartbeat.
   */
  public void upsertNode(
      String nodeId, String address, Resources total, Map<String, String> labels, int gpuCount) {
    Objects.requireNonNull(nodeId, "nodeId");
    Objects.requireNonNull(total, "total");
    if (gpuCount < 0) {
      throw new IllegalArgumentException("node " + nodeId + " reports " + gpuCount + " GPUs");
    }
    double advertised = total.get(Resources.GPU);
    if (advertised == 0 && gpuCount > 0) {
      total = total.with(Resources.GPU, gpuCount);
    } else if (Math.abs(advertised - gpuCount) > Resources.EPSILON) {
      throw new IllegalArgumentException(
          "node "
              + nodeId
              + " advertises GPU:"
              + Resources.format(advertised)
              + " but "
              + gpuCount
              + " GPU devices");
    }
    String addr = address == null ? "" : address;
    Map<String, String> lbls = labels == null ? Map.of() : labels;
    NodeEntry entry = entries.get(nodeId);
    if (entry != null && entry.sameRegistration(addr, total, lbls, gpuCount)) {
      return; // a heartbeat re-sending what we know changes nothing, not even the version
    }
    entry = entries.computeIfAbsent(nodeId, NodeEntry::new);
    entry.register(addr, total, lbls, gpuCount);
    publishGain(entry);
  }

  /** Stops new placements on the node; returns false when it is unknown. Releases still work. */
  public boolean markDead(String nodeId) {
    NodeEntry entry = entries.get(nodeId);
    if (entry == null) {
      return false;
    }
    entry.alive = false;
    entry.refreshView();
    publish(entry);
    return true;
  }

  /** Forgets the node and everything reserved on it; later releases for it are no-ops. */
  public boolean removeNode(String nodeId) {
    views.remove(nodeId);
    version++;
    return entries.remove(nodeId) != null;
  }

  public Optional<NodeView> node(String nodeId) {
    return Optional.ofNullable(views.get(nodeId));
  }

  /** Every node, dead ones included, in registration order; a read-only live view. */
  public Collection<NodeView> nodes() {
    return viewsReadOnly;
  }

  /** The reservations held on a node (one entry per reservation), empty when unknown. */
  public List<Reservation> reservations(String nodeId) {
    NodeEntry entry = entries.get(nodeId);
    return entry == null ? List.of() : entry.heldList();
  }

  /**
   * The nodes that may take work they could not take at {@code version}: registered, re-registered
   * or given resources back since then. Reserving and dying never make a node fit more, so a
   * request that fit nowhere at {@code version} can fit now only on these. O(nodes).
   */
  public List<NodeView> nodesGainedSince(long version) {
    List<NodeView> gained = new ArrayList<>();
    for (NodeEntry entry : entries.values()) {
      if (entry.gainedAt > version) {
        gained.add(entry.view);
      }
    }
    return gained;
  }

  /** Increases on every change; equal versions of the same instance mean an unchanged state. */
  public long version() {
    return version;
  }

  /**
   * Reserves {@code demand} on a live node and picks its GPU devices: whole GPUs take the
   * lowest-numbered fully free devices; a fraction takes the most-used device it still fits on, so
   * fractions pack together and whole devices stay free. No device is ever over-committed.
   *
   * @throws IllegalStateException when the node is unknown, dead or no longer has room
   * @throws IllegalArgumentException when the demand is negative or has no GPU shape
   */
  public Reservation reserve(String nodeId, Resources demand) {
    NodeEntry entry = entries.get(nodeId);
    if (entry == null || !entry.alive) {
      throw new IllegalStateException(
          "node " + nodeId + (entry == null ? " is not registered" : " is dead"));
    }
    PlacementRequest.checkDemand("reservation on node " + nodeId, demand);
    if (!entry.available.fits(demand)) {
      throw new IllegalStateException(
          "node "
              + nodeId
              + " no longer fits "
              + demand.describe()
              + " (available "
              + entry.available.describe()
              + ")");
    }
    List<Integer> devices = entry.gpus.allocate(GpuDemand.of(demand.get(Resources.GPU)));
    if (devices == null) {
      throw new IllegalStateException(
          "node "
              + nodeId
              + " has no GPU device arrangement for GPU:"
              + Resources.format(demand.get(Resources.GPU)));
    }
    Reservation r = new Reservation(nodeId, demand, devices);
    entry.available = entry.available.minus(demand);
    entry.increment(entry.held, r);
    entry.refreshView();
    publish(entry);
    return r;
  }

  /**
   * Re-applies a reservation made before a scheduler restart, with the GPU devices it had: the work
   * holding it is still running on the node. Returns null (and no change) when the node is unknown
   * or dead, or no longer has room for it (then the caller treats the work as unaccounted).
   */
  public Reservation adopt(String nodeId, Resources demand, List<Integer> gpuIndices) {
    NodeEntry entry = entries.get(nodeId);
    if (entry == null || !entry.alive || !entry.available.fits(demand)) {
      return null;
    }
    PlacementRequest.checkDemand("adopted reservation on node " + nodeId, demand);
    Reservation r = new Reservation(nodeId, demand, List.copyOf(gpuIndices));
    entry.available = entry.available.minus(demand);
    entry.gpus.take(r.gpuIndices(), r.gpuSharePerDevice());
    entry.increment(entry.held, r);
    entry.refreshView();
    publish(entry);
    return r;
  }

  /**
   * Returns a reservation's resources; false (and no change) when the node is gone or does not hold
   * it. A reservation whose CPU was returned while blocked gives back only the rest.
   */
  public boolean release(Reservation r) {
    NodeEntry entry = entries.get(r.nodeId());
    if (entry == null || entry.count(entry.held, r) == 0) {
      return false;
    }
    entry.decrement(entry.held, r);
    Resources back = r.resources();
    if (entry.count(entry.blocked, r) > entry.count(entry.held, r)) {
      entry.decrement(entry.blocked, r);
      back = back.without(Resources.CPU);
    }
    entry.available = entry.available.plus(back);
    entry.gpus.free(r.gpuIndices(), r.gpuSharePerDevice());
    entry.refreshView();
    publishGain(entry);
    return true;
  }

  /**
   * A task blocked in {@code get()} returns its CPU to the node so its dependencies can run; GPU
   * and memory stay held. False (no change) when not held or already blocked.
   */
  public boolean releaseCpuWhileBlocked(Reservation r) {
    NodeEntry entry = entries.get(r.nodeId());
    if (entry == null || entry.count(entry.blocked, r) >= entry.count(entry.held, r)) {
      return false;
    }
    entry.increment(entry.blocked, r);
    adjustCpu(entry, r.resources().get(Resources.CPU));
    entry.gainedAt = version;
    return true;
  }

  /**
   * Takes the CPU back when the blocked task resumes, even if that over-commits the node (as Ray
   * does: the task already runs). False (no change) when the reservation is not blocked.
   */
  public boolean reacquireCpu(Reservation r) {
    NodeEntry entry = entries.get(r.nodeId());
    if (entry == null || entry.count(entry.blocked, r) == 0) {
      return false;
    }
    entry.decrement(entry.blocked, r);
    adjustCpu(entry, -r.resources().get(Resources.CPU));
    return true;
  }

  private void adjustCpu(NodeEntry entry, double delta) {
    entry.available =
        entry.available.with(Resources.CPU, entry.available.get(Resources.CPU) + delta);
    entry.refreshView();
    publish(entry);
  }

  private void publishGain(NodeEntry entry) {
    publish(entry);
    entry.gainedAt = version;
  }

  private void publish(NodeEntry entry) {
    views.put(entry.nodeId, entry.view);
    version++;
  }
}
