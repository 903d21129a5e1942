package dev.flotilla.worker.agent;

import dev.flotilla.protocol.common.v1.ResourceSet;
import dev.flotilla.protocol.scheduler.v1.CommandsRequest;
import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import dev.flotilla.protocol.scheduler.v1.GpuDevice;
import dev.flotilla.protocol.scheduler.v1.HeartbeatRequest;
import dev.flotilla.protocol.scheduler.v1.NodeCommand;
import dev.flotilla.protocol.scheduler.v1.NodeServiceGrpc;
import dev.flotilla.protocol.scheduler.v1.RegisterNodeRequest;
import dev.flotilla.runtime.internal.client.Channels;
import dev.flotilla.runtime.internal.client.ClusterAddress;
import dev.flotilla.worker.resources.GpuInfo;
import dev.flotilla.worker.resources.NodeResources;
import dev.flotilla.worker.store.ObjectStore;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A running gpu-worker: serves its object store and executors, registers with the scheduler,
 * heartbeats, and obeys the scheduler's command stream. If the scheduler forgets the node (it
 * restarted, or declared the node dead), the node registers again under the same id and reports
 * its live actors, running work and stored objects: the scheduler adopts what it still wants and
 * kills the rest. Outcomes that could not be reported meanwhile are re-sent.
 */
public final class WorkerAgent implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(WorkerAgent.class.getName());

  private final WorkerConfig config;
  private final NodeResources resources;
  private final ManagedChannel schedulerChannel;
  private final NodeServiceGrpc.NodeServiceBlockingStub nodes;
  private final TenantUsers users;
  private final ObjectStore store;
  private final ExecutorPool pool;
  private final TaskDispatcher dispatcher;
  private final ObjectFetcher fetcher;
  private final Server server;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("worker-heartbeat").factory());
  private volatile String nodeId = "";
  private volatile boolean closed;
  private volatile long heartbeatMs;

  private WorkerAgent(WorkerConfig config, NodeResources resources, int port) throws IOException {
    this.config = config;
    this.resources = resources;
    this.schedulerChannel = Channels.open(ClusterAddress.parse(config.scheduler()).target());
    this.nodes = NodeServiceGrpc.newBlockingStub(schedulerChannel);
    this.users = TenantUsers.open(config, SystemUsers.host(dev.flotilla.worker.resources.CommandRunner.system()));
    this.store = new ObjectStore(
        ObjectStore.defaultShmRoot().resolve("flotilla-" + ProcessHandle.current().pid()),
        users.spillDir(config.workDir()), config.storeBytes());
    users.protect(store);
    this.fetcher = new ObjectFetcher(store, () -> nodeId, nodes);
    var code = new CodeCache(config.workDir().resolve("code"), DriverServiceGrpc.newBlockingStub(schedulerChannel));
    TaskDispatcher[] d = new TaskDispatcher[1];
    this.pool = new ExecutorPool(config, users, config.host() + ":" + port, (e, lost) -> d[0].executorDied(e, lost));
    this.dispatcher = new TaskDispatcher(code, fetcher, store, pool, users, nodes, () -> nodeId);
    d[0] = dispatcher;
    this.server = NettyServerBuilder.forAddress(new InetSocketAddress(config.host(), port))
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .maxInboundMessageSize(Channels.MAX_MESSAGE_BYTES)
            // Clients ping every 30 s to keep idle streams (executor links, lifelines) open; the
            // default 5 min minimum would answer those pings with GOAWAY and cut the stream.
            .permitKeepAliveTime(10, java.util.concurrent.TimeUnit.SECONDS)
            .permitKeepAliveWithoutCalls(true)
        .addService(new ObjectStoreServiceImpl(store, nodes, () -> nodeId))
        .addService(new ExecutorServiceImpl(pool, dispatcher, fetcher, store, users))
        .build()
        .start();
  }

  /** Starts serving and registers with the scheduler; blocks until registered (up to 30 s). */
  public static WorkerAgent start(WorkerConfig config, NodeResources resources) throws IOException {
    int port = config.port() == 0 ? FreePort.find(config.host()) : config.port();
    var agent = new WorkerAgent(config, resources, port);
    agent.register();
    agent.timer.scheduleAtFixedRate(agent::heartbeat, agent.heartbeatMs, agent.heartbeatMs, TimeUnit.MILLISECONDS);
    return agent;
  }

  public String nodeId() {
    return nodeId;
  }

  public int port() {
    return server.getPort();
  }

  private synchronized void register() {
    var req = RegisterNodeRequest.newBuilder()
        .setNodeId(nodeId)
        .setAddress(config.host() + ":" + server.getPort())
        .setTotal(total())
        .putAllLabels(resources.labels())
        .putAllLabels(config.labels())
        .setStoreCapacityBytes(config.storeBytes());
    for (GpuInfo g : resources.gpus()) {
      req.addGpus(GpuDevice.newBuilder().setIndex(g.index()).setModel(g.model()).setMemoryMb(g.memoryMb()));
    }
    if (!nodeId.isEmpty()) { // coming back: tell the scheduler what still runs and is held here
      req.addAllLiveActors(pool.liveActors()).addAllRunning(dispatcher.runningWork());
      store.sealedSizes().forEach((id, size) ->
          req.addObjects(dev.flotilla.protocol.scheduler.v1.HeldObject.newBuilder().setObjectId(id).setSize(size)));
    }
    var resp = nodes.withWaitForReady().withDeadlineAfter(30, TimeUnit.SECONDS).registerNode(req.build());
    nodeId = resp.getNodeId();
    pool.setNodeId(nodeId);
    openCommands(nodeId);
    heartbeatMs = Math.max(50, resp.getHeartbeatIntervalMs());
    LOG.info(() -> "registered as " + nodeId + " at " + config.host() + ":" + server.getPort());
  }

  private ResourceSet total() {
    var r = ResourceSet.newBuilder()
        .putAmounts("CPU", resources.cpus())
        .putAmounts("memory_mb", (double) resources.memoryMb());
    if (!resources.gpus().isEmpty()) {
      r.putAmounts("GPU", resources.gpus().size());
    }
    r.putAllAmounts(config.customResources());
    return r.build();
  }

  private void openCommands(String id) {
    NodeServiceGrpc.newStub(schedulerChannel).commands(CommandsRequest.newBuilder().setNodeId(id).build(),
        new StreamObserver<NodeCommand>() {
          @Override
          public void onNext(NodeCommand c) {
            handle(c);
          }

          @Override
          public void onError(Throwable t) {
            LOG.warning(() -> "command stream of " + id + " failed: " + t.getMessage());
          }

          @Override
          public void onCompleted() {
            LOG.info(() -> "command stream of " + id + " closed by the scheduler");
          }
        });
  }

  private void handle(NodeCommand c) {
    switch (c.getCommandCase()) {
      case ASSIGN -> dispatcher.dispatch(c.getAssign());
      case FREE -> c.getFree().getObjectIdsList().forEach(store::delete);
      case KILL_JOB -> pool.killJob(c.getKillJob().getJobId());
      case KILL_ACTOR -> pool.killActor(c.getKillActor().getActorId());
      case COMMAND_NOT_SET -> { }
    }
  }

  private void heartbeat() {
    if (closed) {
      return;
    }
    try {
      boolean known = nodes.withDeadlineAfter(5, TimeUnit.SECONDS).heartbeat(
          HeartbeatRequest.newBuilder().setNodeId(nodeId).setStoreUsedBytes(store.usedBytes()).build()).getKnown();
      if (!known) {
        LOG.warning(() -> "the scheduler no longer knows node " + nodeId + " (it restarted, or declared the node dead);"
            + " registering again with " + pool.liveActors().size() + " live actor(s) and "
            + dispatcher.runningWork().size() + " running task(s)");
        register();
      }
    } catch (RuntimeException e) {
      LOG.fine(() -> "heartbeat failed: " + e.getMessage());
    }
  }

  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    dispatcher.close();
    pool.close();
    server.shutdownNow();
    fetcher.close();
    store.close();
    users.close();
    Channels.close(schedulerChannel);
  }
}
