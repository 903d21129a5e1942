package dev.flotilla.scheduler.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable record of one node inside {@link ClusterState}, with the reservations it holds.
 * Reservations are values, so equal ones are counted rather than stored twice.
 */
final class NodeEntry {
  final String nodeId;
  String address;
  Resources total;
  Map<String, String> labels;
  boolean alive = true;
  Resources available;
  GpuLedger gpus;
  final Map<Reservation, Integer> held = new HashMap<>();
  final Map<Reservation, Integer> blocked = new HashMap<>();
  NodeView view;

  /** The {@link ClusterState#version()} at which the node last gained room or was registered. */
  long gainedAt;

  NodeEntry(String nodeId) {
    this.nodeId = nodeId;
  }

  /** Applies a (re-)registration, keeping the reservations already held. */
  void register(String address, Resources total, Map<String, String> labels, int gpuCount) {
    this.address = address;
    this.total = total;
    this.labels = Map.copyOf(labels);
    this.alive = true;
    this.gpus = new GpuLedger(gpuCount);
    Resources avail = total;
    for (Map.Entry<Reservation, Integer> e : held.entrySet()) {
      Reservation r = e.getKey();
      for (int i = 0; i < e.getValue(); i++) {
        avail = avail.minus(r.resources());
        gpus.take(r.gpuIndices(), r.gpuSharePerDevice());
      }
    }
    for (Map.Entry<Reservation, Integer> e : blocked.entrySet()) {
      double cpu = e.getKey().resources().get(Resources.CPU) * e.getValue();
      avail = avail.with(Resources.CPU, avail.get(Resources.CPU) + cpu);
    }
    this.available = avail;
    refreshView();
  }

  /** True when a live node is registered again exactly as it is. */
  boolean sameRegistration(
      String address, Resources total, Map<String, String> labels, int gpuCount) {
    return alive
        && this.address.equals(address)
        && this.total.equals(total)
        && this.labels.equals(labels)
        && gpus.size() == gpuCount;
  }

  int count(Map<Reservation, Integer> multiset, Reservation r) {
    return multiset.getOrDefault(r, 0);
  }

  void increment(Map<Reservation, Integer> multiset, Reservation r) {
    multiset.merge(r, 1, Integer::sum);
  }

  void decrement(Map<Reservation, Integer> multiset, Reservation r) {
    multiset.computeIfPresent(r, (k, n) -> n == 1 ? null : n - 1);
  }

  List<Reservation> heldList() {
    List<Reservation> out = new ArrayList<>();
    held.forEach(
        (r, n) -> {
          for (int i = 0; i < n; i++) {
            out.add(r);
          }
        });
    return out;
  }

  void refreshView() {
    view = new NodeView(nodeId, address, total, available, labels, alive, gpus.freeByDevice());
  }
}
