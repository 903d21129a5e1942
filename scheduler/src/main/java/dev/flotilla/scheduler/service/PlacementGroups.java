package dev.flotilla.scheduler.service;

import com.google.protobuf.ByteString;
import dev.flotilla.protocol.common.v1.ErrorInfo;
import dev.flotilla.protocol.common.v1.ResourceSet;
import dev.flotilla.protocol.common.v1.TaskArg;
import dev.flotilla.protocol.scheduler.v1.NodeCommand;
import dev.flotilla.protocol.scheduler.v1.PlacementGroupSpec;
import dev.flotilla.scheduler.core.BundleDevices;
import dev.flotilla.scheduler.core.Reservation;
import dev.flotilla.scheduler.core.Resources;
import dev.flotilla.scheduler.core.placementgroup.BundleLedger;
import dev.flotilla.scheduler.core.placementgroup.GangDecision;
import dev.flotilla.scheduler.core.placementgroup.GangPlanner;
import dev.flotilla.scheduler.core.placementgroup.GangReserver;
import dev.flotilla.scheduler.core.placementgroup.PlacementGroupRequest;
import dev.flotilla.scheduler.core.placementgroup.Strategy;
import dev.flotilla.scheduler.core.PendingView;
import dev.flotilla.scheduler.state.ClusterStateStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Placement groups: gangs of bundles reserved all-or-nothing, and the tasks and actors placed
 * inside them (on the bundle's node, out of the bundle's resources). Called only from the {@link
 * Coordinator} under its lock.
 */
final class PlacementGroups {
  private static final Logger LOG = Logger.getLogger(PlacementGroups.class.getName());

  /** One group; {@code reservations} and {@code ledgers} are set once it is placed. */
  private static final class Group {
    final PlacementGroupSpec spec;
    final PlacementGroupRequest request;
    String jobId;
    List<Reservation> reservations;
    List<BundleLedger> ledgers;
    /** Per bundle: which of its GPU devices its tasks and actors use. */
    List<BundleDevices> devices;

    /** Fresh bundle accounting, for bundles holding these GPU devices. */
    void lend(List<List<Integer>> gpuIndicesPerBundle) {
      ledgers = new ArrayList<>();
      devices = new ArrayList<>();
      for (int i = 0; i < request.bundles().size(); i++) {
        Resources b = request.bundles().get(i);
        ledgers.add(new BundleLedger(b));
        devices.add(new BundleDevices(gpuIndicesPerBundle.get(i), b.get(Resources.GPU)));
      }
    }
    String reason = "waiting for its first placement attempt";
    boolean removed;
    /** After a scheduler restart: where each bundle was, and which are re-reserved so far. */
    List<ClusterStateStore.BundlePlacement> recovering;
    Reservation[] adopted;
    final List<TaskEntry> waiting = new ArrayList<>();

    Group(PlacementGroupSpec spec) {
      this.spec = spec;
      List<Resources> bundles = new ArrayList<>();
      for (ResourceSet b : spec.getBundlesList()) {
        bundles.add(Resources.of(new HashMap<>(b.getAmountsMap())));
      }
      this.request = new PlacementGroupRequest(spec.getGroupId(), bundles, Strategy.valueOf(spec.getStrategy().name()));
    }

    boolean placed() {
      return reservations != null;
    }

    ClusterStateStore.GroupRow row() {
      List<ClusterStateStore.BundlePlacement> bundles = new ArrayList<>();
      if (reservations != null) {
        for (Reservation r : reservations) {
          bundles.add(new ClusterStateStore.BundlePlacement(r.nodeId(), r.gpuIndices()));
        }
      }
      return new ClusterStateStore.GroupRow(spec.getGroupId(), jobId, spec.toByteArray(), bundles);
    }
  }

  /** Where a task's reservation inside a group came from, to give it back there. */
  private record Slot(Group group, int bundle) {}

  private final Coordinator c;
  private final GangPlanner planner = new GangPlanner();
  private final Map<String, Group> groups = new LinkedHashMap<>();
  private final Map<Reservation, Slot> slots = new IdentityHashMap<>();

  PlacementGroups(Coordinator c) {
    this.c = c;
  }

  /** Accepts a group; returns null, or why not. */
  String create(PlacementGroupSpec spec, SessionEntry session) {
    if (groups.containsKey(spec.getGroupId())) {
      return null;
    }
    if (spec.getBundlesCount() == 0) {
      return "a placement group needs at least one bundle";
    }
    Group g;
    try {
      g = new Group(spec);
    } catch (IllegalArgumentException e) {
      return "invalid placement group: " + e.getMessage();
    }
    g.jobId = session.jobId;
    c.store.groupSaved(g.row()); // durable before it is acknowledged
    groups.put(spec.getGroupId(), g);
    var ready = new ObjectEntry(spec.getGroupId(), session.jobId);
    c.objects.put(ready.id, ready);
    c.addRef(session, ready.id);
    return null;
  }

  boolean contains(String groupId) {
    return groups.containsKey(groupId);
  }

  /** True when the group exists and its creator's job belongs to {@code t}. */
  boolean visible(String groupId, Tenancy t) {
    Group g = groups.get(groupId);
    return g != null && !g.removed && c.tenancyOf(g.jobId).equals(t);
  }

  /** Tries to place every pending group, then the waiting tasks of placed ones. */
  void schedule() {
    for (Group g : groups.values()) {
      if (!g.removed && !g.placed() && g.recovering == null) {
        tryPlace(g);
      }
    }
    for (Group g : groups.values()) {
      if (g.placed() && !g.waiting.isEmpty()) {
        pump(g);
      }
    }
  }

  private void tryPlace(Group g) {
    Tenancy owner = c.tenancyOf(g.jobId);
    Resources total = Resources.none();
    for (Resources b : g.request.bundles()) {
      total = total.plus(b);
    }
    String refused = c.quotas.check(owner, total, Resources.none());
    if (refused != null) {
      g.reason = refused;
      return;
    }
    GangDecision d = planner.plan(c.cluster.nodes(), g.request);
    if (d instanceof GangDecision.Unplaceable u) {
      g.reason = u.reason();
      return;
    }
    var placed = (GangDecision.Placed) d;
    var reserved = GangReserver.reserveAll(c.cluster, placed.nodeIdsPerBundle(), g.request.bundles());
    if (reserved.isEmpty()) {
      g.reason = "a bundle no longer fit while reserving; retrying";
      return;
    }
    g.reservations = reserved.get();
    g.reservations.forEach(r -> c.quotas.charge(r, owner));
    g.lend(g.reservations.stream().map(Reservation::gpuIndices).toList());
    LOG.info(() -> "placement group " + g.spec.getGroupId() + " placed on " + placed.nodeIdsPerBundle());
    c.persist(() -> c.store.groupSaved(g.row()));
    ObjectEntry ready = c.objects.get(g.spec.getGroupId());
    if (ready != null && !ready.isReady()) {
      c.settle(ready.id, ByteString.EMPTY, 0, null, null);
    }
  }

  /** Queues a task (or actor creation) that must run in a group's bundle. */
  void enqueue(TaskEntry t) {
    Group g = groups.get(t.spec.getPlacementGroupId());
    if (g == null || g.removed) {
      c.finishFailed(t, ObjectResults.systemError(ErrorInfo.Kind.INVALID, t.spec.getName(),
          "placement group " + t.spec.getPlacementGroupId() + " does not exist (removed, or never created)"));
      return;
    }
    int bundles = g.request.bundles().size();
    if (t.spec.getBundleIndex() >= bundles) {
      c.finishFailed(t, ObjectResults.systemError(ErrorInfo.Kind.INVALID, t.spec.getName(),
          "bundle index " + t.spec.getBundleIndex() + " is out of range: the group has " + bundles + " bundles"));
      return;
    }
    g.waiting.add(t);
    if (g.placed()) {
      pump(g);
    }
  }

  private void pump(Group g) {
    for (Iterator<TaskEntry> it = g.waiting.iterator(); it.hasNext(); ) {
      TaskEntry t = it.next();
      if (!c.tasks.containsKey(t.spec.getTaskId())) {
        it.remove();
        continue;
      }
      if (!argsReady(t)) {
        continue;
      }
      Resources demand = Resources.of(new HashMap<>(t.spec.getResources().getAmountsMap()));
      int bundle = pickBundle(g, t.spec.getBundleIndex(), demand);
      if (bundle < 0) {
        continue;
      }
      List<Integer> gpus = g.devices.get(bundle).allocate(demand.get(Resources.GPU));
      if (gpus == null) { // the amounts fit, but no arrangement of the bundle's devices does
        g.ledgers.get(bundle).release(demand);
        continue;
      }
      Reservation inBundle = new Reservation(g.reservations.get(bundle).nodeId(), demand, gpus);
      slots.put(inBundle, new Slot(g, bundle));
      it.remove();
      c.startPlaced(t, inBundle);
    }
  }

  private boolean argsReady(TaskEntry t) {
    for (TaskArg a : t.spec.getArgsList()) {
      if (a.hasObjectId()) {
        ObjectEntry o = c.objects.get(a.getObjectId());
        if (o == null || !o.isReady()) {
          return false;
        }
      }
    }
    return true;
  }

  private static int pickBundle(Group g, int wanted, Resources demand) {
    if (wanted >= 0) {
      return g.ledgers.get(wanted).reserve(demand) ? wanted : -1;
    }
    for (int i = 0; i < g.ledgers.size(); i++) {
      if (g.ledgers.get(i).reserve(demand)) {
        return i;
      }
    }
    return -1;
  }

  /** Gives a reservation back to its bundle; false if it was not from a group. */
  boolean release(Reservation r) {
    Slot s = slots.remove(r);
    if (s == null) {
      return false;
    }
    if (s.group.ledgers != null && !s.group.removed) {
      s.group.ledgers.get(s.bundle).release(r.resources());
      s.group.devices.get(s.bundle).free(r.gpuIndices(), r.gpuSharePerDevice());
    }
    return true;
  }

  /** The bundle a reservation was lent from, or -1 when it is not from a group. */
  int bundleOf(Reservation r) {
    Slot s = r == null ? null : slots.get(r);
    return s == null ? -1 : s.bundle;
  }

  /** Removes a group: frees its bundles, kills its actors, fails its waiting tasks. */
  void remove(String groupId) {
    Group g = groups.get(groupId);
    if (g == null || g.removed) {
      return;
    }
    g.removed = true;
    for (TaskEntry t : List.copyOf(g.waiting)) {
      if (t.actor != null) {
        c.actors.kill(t.actor.id(), "its placement group " + groupId + " was removed");
      } else if (c.tasks.containsKey(t.spec.getTaskId())) {
        c.finishFailed(t, ObjectResults.systemError(ErrorInfo.Kind.CANCELLED, t.spec.getName(),
            "its placement group " + groupId + " was removed"));
      }
    }
    g.waiting.clear();
    c.actors.killInGroup(groupId, "its placement group " + groupId + " was removed");
    if (g.placed()) {
      g.reservations.forEach(c.quotas::released);
      GangReserver.releaseAll(c.cluster, g.reservations);
    } else if (g.adopted != null) {
      releaseAdopted(g);
    }
    c.persist(() -> c.store.groupRemoved(groupId));
    slots.values().removeIf(s -> s.group == g);
    ObjectEntry ready = c.objects.get(groupId);
    if (ready != null && !ready.isReady()) {
      c.settle(groupId, null, 0, null, ObjectResults.systemError(ErrorInfo.Kind.CANCELLED, "",
          "placement group " + groupId + " was removed before it was placed"));
    }
    groups.remove(groupId);
    LOG.info(() -> "placement group " + groupId + " removed");
  }

  /** The creator's job ended: its groups go with it. */
  void jobEnded(String jobId) {
    for (Group g : List.copyOf(groups.values())) {
      if (jobId.equals(g.jobId)) {
        remove(g.spec.getGroupId());
      }
    }
  }

  /** A node died: groups with a bundle there are placed again from scratch. */
  void nodeDied(String nodeId) {
    for (Group g : groups.values()) {
      if (g.placed() && g.reservations.stream().anyMatch(r -> r.nodeId().equals(nodeId))) {
        List<Reservation> alive = g.reservations.stream().filter(r -> !r.nodeId().equals(nodeId)).toList();
        g.reservations.forEach(c.quotas::released);
        GangReserver.releaseAll(c.cluster, alive);
        slots.values().removeIf(s -> s.group == g);
        g.reservations = null;
        g.ledgers = null;
        g.devices = null;
        g.reason = "re-placing: node " + nodeId + " died";
        c.persist(() -> c.store.groupSaved(g.row()));
      }
    }
  }

  // ---- after a scheduler restart ------------------------------------------------------------

  /** Reads a group back: placed ones wait for their bundles' nodes to re-register. */
  void restore(ClusterStateStore.GroupRow row) {
    PlacementGroupSpec spec;
    Group g;
    try {
      spec = PlacementGroupSpec.parseFrom(row.spec());
      g = new Group(spec);
    } catch (com.google.protobuf.InvalidProtocolBufferException | IllegalArgumentException e) {
      LOG.warning(() -> "stored placement group " + row.groupId() + " is unreadable, dropped: " + e.getMessage());
      return;
    }
    g.jobId = row.jobId();
    groups.put(spec.getGroupId(), g);
    var ready = new ObjectEntry(spec.getGroupId(), row.jobId());
    c.objects.put(ready.id, ready);
    if (row.bundles().size() == spec.getBundlesCount()) {
      g.recovering = row.bundles();
      g.adopted = new Reservation[row.bundles().size()];
      g.lend(row.bundles().stream().map(ClusterStateStore.BundlePlacement::gpuIndices).toList());
      g.reason = "recovering after a scheduler restart: waiting for its bundles' nodes to re-register";
      ready.state = ObjectEntry.State.INLINE;
      ready.inline = ByteString.EMPTY;
    }
  }

  /** A node re-registered: re-reserve the bundles of recovering groups that were on it. */
  void nodeBack(String nodeId) {
    for (Group g : groups.values()) {
      if (g.recovering == null) {
        continue;
      }
      for (int i = 0; i < g.adopted.length; i++) {
        var b = g.recovering.get(i);
        if (g.adopted[i] == null && b.nodeId().equals(nodeId)) {
          g.adopted[i] = c.cluster.adopt(nodeId, g.request.bundles().get(i), b.gpuIndices());
          if (g.adopted[i] != null) {
            c.quotas.charge(g.adopted[i], c.tenancyOf(g.jobId));
          }
        }
      }
      if (java.util.Arrays.stream(g.adopted).allMatch(java.util.Objects::nonNull)) {
        g.reservations = List.of(g.adopted);
        g.recovering = null;
        g.adopted = null;
        LOG.info(() -> "placement group " + g.spec.getGroupId() + " recovered in place");
      }
    }
  }

  /** Work in a bundle that kept running across the restart takes its share of the bundle again. */
  Reservation adoptSlot(String groupId, int bundle, String nodeId, Resources demand, List<Integer> gpus) {
    Group g = groups.get(groupId);
    if (g == null || g.ledgers == null || bundle < 0 || bundle >= g.ledgers.size() || !g.ledgers.get(bundle).reserve(demand)) {
      return null;
    }
    Reservation r = new Reservation(nodeId, demand, List.copyOf(gpus));
    g.devices.get(bundle).take(r.gpuIndices(), r.gpuSharePerDevice());
    slots.put(r, new Slot(g, bundle));
    return r;
  }

  /** The recovery window ended: groups whose nodes did not all come back are placed again. */
  void recoveryEnded() {
    for (Group g : groups.values()) {
      if (g.recovering != null) {
        releaseAdopted(g);
        slots.values().removeIf(s -> s.group == g);
        g.ledgers = null;
        g.devices = null;
        g.reason = "re-placing: not every bundle's node came back after the scheduler restarted";
        c.persist(() -> c.store.groupSaved(g.row()));
      }
    }
  }

  private void releaseAdopted(Group g) {
    for (Reservation r : g.adopted) {
      if (r != null) {
        c.quotas.released(r);
        c.cluster.release(r);
      }
    }
    g.recovering = null;
    g.adopted = null;
  }

  /** Pending groups and tasks waiting in groups, for status. */
  List<PendingView> pending() {
    List<PendingView> out = new ArrayList<>();
    for (Group g : groups.values()) {
      if (!g.placed()) {
        out.add(new PendingView(g.spec.getGroupId(), "placement group (" + g.request.strategy() + ")",
            g.reason, c.now()));
      }
      for (TaskEntry t : g.waiting) {
        out.add(new PendingView(t.spec.getTaskId(), t.spec.getName(), g.placed()
            ? "waiting for room in a bundle of placement group " + g.spec.getGroupId()
            : "its placement group " + g.spec.getGroupId() + " is not placed yet: " + g.reason, t.submittedAt));
      }
    }
    return out;
  }
}
