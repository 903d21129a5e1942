package dev.flotilla.scheduler.service;

import dev.flotilla.protocol.scheduler.v1.NodeCommand;
import io.grpc.stub.ServerCallStreamObserver;
import java.time.Instant;

/** The scheduler's side of one node: its command stream and liveness. Guarded by the lock. */
final class NodeLink {
  final String nodeId;
  final String address;
  Instant lastHeartbeat;
  long storeUsedBytes;
  final long storeCapacityBytes;
  ServerCallStreamObserver<NodeCommand> commands;
  boolean alive = true;

  NodeLink(String nodeId, String address, long storeCapacityBytes, Instant now) {
    this.nodeId = nodeId;
    this.address = address;
    this.storeCapacityBytes = storeCapacityBytes;
    this.lastHeartbeat = now;
  }

  void send(NodeCommand command) {
    if (commands != null && !commands.isCancelled()) {
      commands.onNext(command);
    }
  }
}
