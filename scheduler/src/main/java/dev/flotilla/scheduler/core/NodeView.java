package dev.flotilla.scheduler.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable snapshot of one node as the planner sees it.
 *
 * @param total what the node advertises, including {@code GPU} equal to its device count
 * @param available what is not reserved; CPU may be negative while blocked tasks over-commit it
 * @param labels e.g. {@code gpu.model=H100}; matched by {@link PlacementRequest#labelSelector()}
 * @param alive false once {@link ClusterState#markDead} was called; dead nodes take no new work
 * @param gpuFreeByDevice the free share (0..1) of each GPU device, indexed by device number
 */
public record NodeView(
    String nodeId,
    String address,
    Resources total,
    Resources available,
    Map<String, String> labels,
    boolean alive,
    List<Double> gpuFreeByDevice) {

  public NodeView {
    Objects.requireNonNull(nodeId, "nodeId");
    address = address == null ? "" : address;
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(available, "available");
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    gpuFreeByDevice = gpuFreeByDevice == null ? List.of() : List.copyOf(gpuFreeByDevice);
  }

  /**
   * A view whose devices are derived from {@code available}'s GPU amount: as many devices as {@code
   * total} has GPUs, the free amount filling whole devices first. For tests and tools; {@link
   * ClusterState} reports the real per-device shares.
   */
  public NodeView(
      String nodeId,
      String address,
      Resources total,
      Resources available,
      Map<String, String> labels,
      boolean alive) {
    this(nodeId, address, total, available, labels, alive, spread(total, available));
  }

  public int gpuCount() {
    return gpuFreeByDevice.size();
  }

  private static List<Double> spread(Resources total, Resources available) {
    int devices = (int) Math.floor(total.get(Resources.GPU) + Resources.EPSILON);
    double left = Math.max(0, available.get(Resources.GPU));
    List<Double> free = new ArrayList<>(devices);
    for (int d = 0; d < devices; d++) {
      double share = Math.min(1, left);
      free.add(share);
      left -= share;
    }
    return free;
  }
}
