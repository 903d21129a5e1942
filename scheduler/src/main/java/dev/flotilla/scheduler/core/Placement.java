package dev.flotilla.scheduler.core;

import java.util.Objects;

/** A task {@link TaskQueue#schedule} placed, with the resources it reserved for it. */
public record Placement(String taskId, Reservation reservation) {
  public Placement {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(reservation, "reservation");
  }

  public String nodeId() {
    return reservation.nodeId();
  }
}
