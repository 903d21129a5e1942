package dev.flotilla.scheduler.core;

import java.util.Map;
import java.util.Objects;

/**
 * What the planner needs to know about one task.
 *
 * <p>Filters may depend only on {@link #demand} and {@link #labelSelector} (its <em>shape</em>):
 * {@link TaskQueue} reuses a "does not fit" answer for every task of the same shape.
 *
 * @param name a human-readable name for reasons and listings; defaults to the task id
 * @param demand non-negative amounts; GPU must be a whole number or below 1
 * @param labelSelector node labels that must be present with exactly these values
 * @param argBytesByNode bytes of the task's arguments already stored on each node (locality)
 */
public record PlacementRequest(
    String taskId,
    String name,
    Resources demand,
    Map<String, String> labelSelector,
    Map<String, Long> argBytesByNode) {

  /** Validates; throws {@link IllegalArgumentException} with a message fit for the user. */
  public PlacementRequest {
    Objects.requireNonNull(taskId, "taskId");
    name = name == null || name.isBlank() ? taskId : name;
    Objects.requireNonNull(demand, "demand");
    checkDemand("task " + name, demand);
    labelSelector = labelSelector == null ? Map.of() : Map.copyOf(labelSelector);
    argBytesByNode = argBytesByNode == null ? Map.of() : Map.copyOf(argBytesByNode);
    argBytesByNode.forEach(
        (node, bytes) -> {
          if (bytes < 0) {
            throw new IllegalArgumentException("negative argument bytes on node " + node);
          }
        });
  }

  /**
   * Throws {@link IllegalArgumentException} unless every amount is non-negative and the GPU amount
   * has a {@link GpuDemand} shape.
   */
  static void checkDemand(String owner, Resources demand) {
    demand
        .amounts()
        .forEach(
            (resource, amount) -> {
              if (amount < 0) {
                throw new IllegalArgumentException(
                    owner + " demands a negative amount of " + resource);
              }
            });
    GpuDemand.of(demand.get(Resources.GPU));
  }

  /** A request with no label selector and no argument locality. */
  public static PlacementRequest of(String taskId, Resources demand) {
    return new PlacementRequest(taskId, taskId, demand, Map.of(), Map.of());
  }

  public PlacementRequest withArgBytes(Map<String, Long> bytesByNode) {
    return new PlacementRequest(taskId, name, demand, labelSelector, bytesByNode);
  }

  public GpuDemand gpuDemand() {
    return GpuDemand.of(demand.get(Resources.GPU));
  }
}
