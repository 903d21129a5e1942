package dev.flotilla.scheduler.core.sim;

import dev.flotilla.scheduler.core.ClusterState;
import dev.flotilla.scheduler.core.NodeView;
import dev.flotilla.scheduler.core.Resources;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Test-data builder for a node: {@code SimNode.named("n1").gpus("H100", 8).cpus(64)}. */
public final class SimNode {
  private final String id;
  private final Map<String, Double> resources = new TreeMap<>();
  private final Map<String, String> labels = new HashMap<>();
  private int gpus;

  private SimNode(String id) {
    this.id = id;
  }

  public static SimNode named(String id) {
    return new SimNode(id);
  }

  public SimNode cpus(double n) {
    return resource(Resources.CPU, n);
  }

  public SimNode memoryMb(double mb) {
    return resource(Resources.MEMORY_MB, mb);
  }

  public SimNode gpus(int n) {
    this.gpus = n;
    return this;
  }

  /** {@code n} GPUs labelled {@code gpu.model=model}. */
  public SimNode gpus(String model, int n) {
    return gpus(n).label("gpu.model", model);
  }

  public SimNode resource(String name, double amount) {
    resources.put(name, amount);
    return this;
  }

  public SimNode label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  public String id() {
    return id;
  }

  public Resources total() {
    Resources r = Resources.of(resources);
    return gpus > 0 ? r.with(Resources.GPU, gpus) : r;
  }

  public void registerIn(ClusterState state) {
    state.upsertNode(id, id + ":7070", total(), labels, gpus);
  }

  /** An idle, alive view of the node without a {@link ClusterState}. */
  public NodeView view() {
    return new NodeView(id, id + ":7070", total(), total(), labels, true);
  }

  /** A view with {@code used} already taken (spread over devices whole-first). */
  public NodeView viewUsing(Resources used) {
    return new NodeView(id, id + ":7070", total(), total().minus(used), labels, true);
  }
}
