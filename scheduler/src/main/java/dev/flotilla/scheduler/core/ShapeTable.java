package dev.flotilla.scheduler.core;

import java.util.HashMap;
import java.util.Map;

/**
 * Interns {@link TaskShape}s: while anything holds a shape (a queued task, a cached reason), equal
 * shapes are one instance, so hash lookups succeed on identity without comparing maps.
 */
final class ShapeTable {
  private final Map<TaskShape, TaskShape> shapes = new HashMap<>();

  /** The shared shape of {@code request}, retained once for the caller. */
  TaskShape intern(PlacementRequest request) {
    TaskShape shape = shapes.computeIfAbsent(new TaskShape(request), s -> s);
    shape.users++;
    return shape;
  }

  void retain(TaskShape shape) {
    shape.users++;
  }

  /** Drops one hold; the shape is forgotten when nothing holds it. */
  void release(TaskShape shape) {
    if (--shape.users == 0) {
      shapes.remove(shape);
    }
  }

  int size() {
    return shapes.size();
  }
}
