package dev.flotilla.scheduler.service;

import dev.flotilla.scheduler.core.Planner;
import dev.flotilla.scheduler.core.TaskQueue;
import dev.flotilla.scheduler.state.ClusterStateStore;
import dev.flotilla.scheduler.state.JdbcClusterStateStore;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A running scheduler: gRPC server, coordinator and its liveness timer. */
public final class SchedulerServer implements AutoCloseable {
  private final Server server;
  private final ScheduledExecutorService timers;

  private final ClusterStateStore store;

  private SchedulerServer(Server server, ScheduledExecutorService timers, ClusterStateStore store) {
    this.server = server;
    this.timers = timers;
    this.store = store;
  }

  /**
   * Opens the state store (migrating its schema), restores what it kept, and starts serving.
   *
   * @throws dev.flotilla.scheduler.state.StateStoreException when the configured database cannot be used
   */
  public static SchedulerServer start(SchedulerConfig config, InstantSource clock) throws IOException {
    var db = config.database();
    ClusterStateStore store = db == null ? ClusterStateStore.NONE
        : JdbcClusterStateStore.open(db.jdbcUrl(), db.user(), db.password());
    var coordinator = new Coordinator(clock, new TaskQueue(Planner.withDefaults()), store, config.recoveryWindow(),
        config.heartbeatInterval().multipliedBy(2).plusSeconds(1));
    coordinator.restore();
    var edge = new EdgeAuth(config.edgeSecret());
    ScheduledExecutorService timers =
        Executors.newScheduledThreadPool(1, Thread.ofPlatform().daemon().name("scheduler-timer").factory());
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress(config.host(), config.port()))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .maxInboundMessageSize(64 << 20)
            // Clients ping every 30 s to keep idle streams (executor links, lifelines) open; the
            // default 5 min minimum would answer those pings with GOAWAY and cut the stream.
            .permitKeepAliveTime(10, java.util.concurrent.TimeUnit.SECONDS)
            .permitKeepAliveWithoutCalls(true)
            .addService(io.grpc.ServerInterceptors.intercept(
                new DriverServiceImpl(coordinator, new BlobStore(config.dataDir().resolve("blobs")), timers, config, edge), edge))
            .addService(new NodeServiceImpl(coordinator, config))
            .build()
            .start();
    long period = Math.max(100, config.heartbeatInterval().toMillis() / 2);
    timers.scheduleAtFixedRate(
        () -> coordinator.checkLiveness(config.nodeDeathTimeout()), period, period, TimeUnit.MILLISECONDS);
    timers.scheduleAtFixedRate(coordinator::recoveryTick, period, period, TimeUnit.MILLISECONDS);
    return new SchedulerServer(server, timers, store);
  }

  public int port() {
    return server.getPort();
  }

  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }

  @Override
  public void close() {
    timers.shutdownNow();
    server.shutdownNow();
    store.close();
  }
}
