package dev.flotilla.scheduler.service;

import dev.flotilla.protocol.common.v1.Empty;
import dev.flotilla.protocol.scheduler.v1.ActorDiedRequest;
import dev.flotilla.protocol.scheduler.v1.CommandsRequest;
import dev.flotilla.protocol.scheduler.v1.HeartbeatRequest;
import dev.flotilla.protocol.scheduler.v1.HeartbeatResponse;
import dev.flotilla.protocol.scheduler.v1.NodeCommand;
import dev.flotilla.protocol.scheduler.v1.NodeServiceGrpc;
import dev.flotilla.protocol.scheduler.v1.ObjectSealedRequest;
import dev.flotilla.protocol.scheduler.v1.RegisterNodeRequest;
import dev.flotilla.protocol.scheduler.v1.RegisterNodeResponse;
import dev.flotilla.protocol.scheduler.v1.TaskFinishedRequest;
import dev.flotilla.scheduler.core.Resources;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.util.HashMap;
import java.util.Map;

/** The gRPC face of the scheduler for gpu-workers. */
final class NodeServiceImpl extends NodeServiceGrpc.NodeServiceImplBase {
  private final Coordinator coordinator;
  private final SchedulerConfig config;
  /** What a node registered with, applied when its command stream opens. */
  private final Map<String, RegisterNodeRequest> registrations = new HashMap<>();

  NodeServiceImpl(Coordinator coordinator, SchedulerConfig config) {
    this.coordinator = coordinator;
    this.config = config;
  }

  @Override
  public void registerNode(RegisterNodeRequest req, StreamObserver<RegisterNodeResponse> out) {
    if (req.getAddress().isBlank()) {
      out.onError(Status.INVALID_ARGUMENT.withDescription("node address is empty").asRuntimeException());
      return;
    }
    String id = req.getNodeId().isBlank() ? Ids.random("node-") : req.getNodeId();
    synchronized (registrations) {
      registrations.put(id, req);
    }
    coordinator.registerNode(new NodeLink(id, req.getAddress(), req.getStoreCapacityBytes(), coordinator.now()));
    out.onNext(
        RegisterNodeResponse.newBuilder()
            .setNodeId(id)
            .setHeartbeatIntervalMs(config.heartbeatInterval().toMillis())
            .setSchedulerEpoch(coordinator.epoch)
            .build());
    out.onCompleted();
  }

  @Override
  public void commands(CommandsRequest req, StreamObserver<NodeCommand> out) {
    var stream = (ServerCallStreamObserver<NodeCommand>) out;
    RegisterNodeRequest reg;
    synchronized (registrations) {
      reg = registrations.get(req.getNodeId());
    }
    NodeLink link = coordinator.node(req.getNodeId());
    if (reg == null || link == null || !link.alive) {
      out.onError(Status.NOT_FOUND.withDescription("unknown node " + req.getNodeId() + ": register again").asRuntimeException());
      return;
    }
    stream.setOnCancelHandler(() -> coordinator.nodeDied(link, "its command stream closed"));
    synchronized (coordinator) {
      link.commands = stream;
      coordinator.nodeConnected(
          link, Resources.of(new HashMap<>(reg.getTotal().getAmountsMap())), reg.getLabelsMap(), reg.getGpusCount(), reg);
    }
  }

  @Override
  public void heartbeat(HeartbeatRequest req, StreamObserver<HeartbeatResponse> out) {
    boolean known = coordinator.heartbeat(req.getNodeId(), req.getStoreUsedBytes());
    out.onNext(HeartbeatResponse.newBuilder().setKnown(known).build());
    out.onCompleted();
  }

  @Override
  public void taskFinished(TaskFinishedRequest req, StreamObserver<Empty> out) {
    coordinator.taskFinished(req);
    out.onNext(Empty.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public void actorDied(ActorDiedRequest req, StreamObserver<Empty> out) {
    coordinator.actorDied(req.getActorId(), req.getIncarnation(), req.getMessage());
    out.onNext(Empty.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public void objectSealed(ObjectSealedRequest req, StreamObserver<Empty> out) {
    coordinator.objectSealed(req.getNodeId(), req.getObjectId(), req.getSize(), req.getSessionId());
    out.onNext(Empty.getDefaultInstance());
    out.onCompleted();
  }
}
