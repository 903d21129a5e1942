package dev.flotilla.bench.pekko;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorRefResolver;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The client side of the Pekko peer: starts a {@link PekkoServer} JVM, joins it over Artery TCP on
 * loopback and asks its actor. {@link #askSync} and {@link #askAsync} block the calling thread on
 * the replies; no callback runs on a common pool. Closing ends both actor systems. One thread.
 */
public final class PekkoClient implements AutoCloseable {
  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(30);

  private final Process server;
  private final ActorSystem<Void> system;
  private final ActorRef<PingPong> target;
  private final String serverAddress;

  private PekkoClient(Process server, ActorSystem<Void> system, ActorRef<PingPong> target, String serverAddress) {
    this.server = server;
    this.system = system;
    this.target = target;
    this.serverAddress = serverAddress;
  }

  /**
   * Starts the server as {@code java <jvmFlags> -cp <classPath> PekkoServer}, waits until it is
   * bound, and starts this JVM's client actor system. Blocks for the server's start.
   *
   * @param serverLog where the server's stderr goes
   */
  public static PekkoClient start(String java, List<String> jvmFlags, String classPath, Path serverLog)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.addAll(jvmFlags);
    cmd.addAll(List.of("-cp", classPath, PekkoServer.class.getName()));
    Files.createDirectories(serverLog.toAbsolutePath().getParent());
    Process p = new ProcessBuilder(cmd).redirectError(serverLog.toFile()).start();
    String line;
    try {
      var out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      line = out.readLine();
    } catch (IOException e) {
      p.destroyForcibly();
      throw e;
    }
    if (line == null || !line.startsWith(PekkoServer.READY)) {
      p.destroyForcibly();
      throw new IOException("the Pekko server did not start (said " + line + "); see " + serverLog);
    }
    String address = line.substring(PekkoServer.READY.length()).trim();
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "flotilla-pekko-client", PekkoConfig.loopback(0));
    ActorRef<PingPong> target = ActorRefResolver.get(system).resolveActorRef(address + "/user");
    return new PekkoClient(p, system, target, address);
  }

  public ProcessHandle serverProcess() {
    return server.toHandle();
  }

  public String serverAddress() {
    return serverAddress;
  }

  /** One ask, waiting for its answer. */
  public PingPong.Pong askSync() throws Exception {
    return await(ask());
  }

  /** {@code n} asks outstanding at once, then waits for every answer. */
  public void askAsync(int n) throws Exception {
    List<CompletionStage<PingPong.Pong>> pending = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      pending.add(ask());
    }
    for (CompletionStage<PingPong.Pong> c : pending) {
      await(c);
    }
  }

  private CompletionStage<PingPong.Pong> ask() {
    return AskPattern.ask(target, PingPong.Ping::new, ASK_TIMEOUT, system.scheduler());
  }

  private static PingPong.Pong await(CompletionStage<PingPong.Pong> c)
      throws InterruptedException, ExecutionException, TimeoutException {
    return c.toCompletableFuture().get(ASK_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
  }

  /** Ends the client's actor system, then the server (its stdin closes), waiting up to 30 s each. */
  @Override
  public void close() throws Exception {
    try {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } finally {
      server.getOutputStream().close();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }
}
