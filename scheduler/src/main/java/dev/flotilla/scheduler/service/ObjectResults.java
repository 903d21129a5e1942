package dev.flotilla.scheduler.service;

import dev.flotilla.protocol.common.v1.ErrorInfo;
import dev.flotilla.protocol.common.v1.NodeRef;
import dev.flotilla.protocol.common.v1.ObjectLocation;
import dev.flotilla.protocol.scheduler.v1.ObjectResult;
import java.util.Map;

/** Renders object entries for clients. */
final class ObjectResults {
  private ObjectResults() {}

  static ObjectResult of(ObjectEntry e, Map<String, NodeLink> nodes) {
    var r = ObjectResult.newBuilder().setObjectId(e.id);
    switch (e.state) {
      case INLINE -> r.setInlineData(e.inline);
      case STORED -> r.setLocation(location(e, nodes));
      case FAILED -> r.setError(e.error);
      case PENDING -> throw new IllegalStateException("object " + e.id + " is not ready");
    }
    return r.build();
  }

  static ObjectLocation location(ObjectEntry e, Map<String, NodeLink> nodes) {
    var loc = ObjectLocation.newBuilder().setSize(e.size);
    for (String n : e.nodes) {
      NodeLink link = nodes.get(n);
      if (link != null && link.alive) {
        loc.addNodes(NodeRef.newBuilder().setNodeId(n).setAddress(link.address));
      }
    }
    return loc.build();
  }

  static ObjectResult unknown(String id) {
    return ObjectResult.newBuilder()
        .setObjectId(id)
        .setError(
            ErrorInfo.newBuilder()
                .setKind(ErrorInfo.Kind.OBJECT_LOST)
                .setExceptionClass("dev.flotilla.api.ObjectLostException")
                .setMessage(
                    "Object " + id + " is unknown to this cluster: it was freed (no reference"
                        + " left), belongs to another cluster, or the scheduler restarted"))
        .build();
  }

  static ErrorInfo systemError(ErrorInfo.Kind kind, String taskName, String message) {
    return ErrorInfo.newBuilder()
        .setKind(kind)
        .setTaskName(taskName)
        .setExceptionClass(
            switch (kind) {
              case OBJECT_LOST -> "dev.flotilla.api.ObjectLostException";
              case EXECUTOR_DIED, NODE_DIED -> "dev.flotilla.api.WorkerDiedException";
              default -> "dev.flotilla.api.FlotillaException";
            })
        .setMessage(message)
        .build();
  }
}
