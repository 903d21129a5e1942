package dev.flotilla.apiserver.kernels;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.apiserver.auth.Access;
import dev.flotilla.apiserver.launch.Entrypoint;
import dev.flotilla.apiserver.launch.LaunchException;
import dev.flotilla.apiserver.launch.LaunchSpec;
import dev.flotilla.apiserver.launch.Launched;
import dev.flotilla.apiserver.launch.Outcome;
import dev.flotilla.apiserver.launch.PlatformLauncher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The notebooks' kernels: at most one per notebook, started on demand through the {@link
 * PlatformLauncher} in the notebook's workspace, watched until its executor ends, and shut down
 * when no browser has used it for {@link KernelsConfig#idleTimeout()}. Thread-safe.
 */
@ApplicationScoped
public class Kernels {
  private static final Logger LOG = Logger.getLogger(Kernels.class);
  static final Entrypoint HOST = new Entrypoint("dev.flotilla.kernel.internal.KernelHost", "run",
      "(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;");

  private final PlatformLauncher launcher;
  private final KernelsConfig config;
  private final InstantSource clock;
  private final ObjectMapper json;
  private final KernelTickets tickets;
  private final SecureRandom random = new SecureRandom();
  private final Map<UUID, KernelSession> byNotebook = new ConcurrentHashMap<>();
  private final Vertx vertx;
  private long cullTimer = -1;

  Kernels(PlatformLauncher launcher, KernelsConfig config, InstantSource clock, ObjectMapper json, Vertx vertx) {
    this.vertx = vertx;
    this.launcher = launcher;
    this.config = config;
    this.clock = clock;
    this.json = json;
    this.tickets = new KernelTickets(clock, config.ticketTtl());
  }

  /** What {@code POST …/kernel} answers: the kernel, and a ticket that opens its socket once. */
  public record Opened(String kernelId, String state, String reason, String ticket, Instant ticketExpiresAt) {}

  /**
   * The notebook's live kernel, or a new one (its launch runs in the background; the socket shows
   * it starting). The caller has checked that the notebook is in the access's workspace.
   */
  public Opened open(Access access, UUID notebookId) {
    KernelSession s = byNotebook.compute(notebookId, (id, old) -> old != null && !old.dead() ? old : start(access, id));
    String ticket = tickets.issue(new KernelTickets.Scope(access.tenant().slug(), access.workspaceName(), notebookId,
        access.caller().subject()));
    return new Opened(s.kernelId, s.state(), s.reason(), ticket, tickets.expiresAt());
  }

  /** The notebook's kernel, if one lives (or died and nobody restarted it yet). */
  public Optional<KernelSession> find(UUID notebookId) {
    return Optional.ofNullable(byNotebook.get(notebookId));
  }

  /** Shuts the notebook's kernel down; false when it had none. */
  public boolean shutdown(UUID notebookId, String why) {
    KernelSession s = byNotebook.remove(notebookId);
    if (s == null) {
      return false;
    }
    end(s, why);
    return true;
  }

  /** The session a socket with this ticket may join, for exactly this notebook's socket path. */
  Optional<KernelSession> redeem(String ticket, String tenant, String workspace, UUID notebookId) {
    return tickets.redeem(ticket, tenant, workspace, notebookId).map(scope -> byNotebook.get(notebookId));
  }

  /** The session whose secret a kernel presented (compared in constant time), if any. */
  Optional<KernelSession> bySecret(String secret) {
    if (secret == null) {
      return Optional.empty();
    }
    byte[] given = secret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return byNotebook.values().stream()
        .filter(s -> MessageDigest.isEqual(s.secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), given))
        .findFirst();
  }

  /** Kernels no browser has used for the idle timeout are shut down, checked every minute. */
  void startCulling(@Observes StartupEvent e) {
    cullTimer = vertx.setPeriodic(60_000, id -> Thread.ofVirtual().name("kernel-culler").start(() -> cullIdle(clock.instant())));
  }

  void cullIdle(Instant now) {
    for (var e : List.copyOf(byNotebook.entrySet())) {
      KernelSession s = e.getValue();
      if (idle(s, now, config.idleTimeout())) {
        LOG.infof("kernel %s of notebook %s idle since %s: shutting it down", s.kernelId, e.getKey(), s.lastUsed());
        if (byNotebook.remove(e.getKey(), s)) {
          end(s, "idle for " + config.idleTimeout().toMinutes() + " minutes");
        }
      }
    }
  }

  /** No browser is connected and none has used the kernel for {@code timeout}. */
  static boolean idle(KernelSession s, Instant now, Duration timeout) {
    return s.clients() == 0 && Duration.between(s.lastUsed(), now).compareTo(timeout) >= 0;
  }

  void stopAll(@Observes ShutdownEvent e) {
    vertx.cancelTimer(cullTimer);
    for (UUID id : List.copyOf(byNotebook.keySet())) {
      shutdown(id, "the api-server stopped");
    }
  }

  private KernelSession start(Access access, UUID notebookId) {
    byte[] b = new byte[32];
    random.nextBytes(b);
    var s = new KernelSession("k-" + UUID.randomUUID(), access.tenant().id(), access.workspaceId(), notebookId,
        Base64.getUrlEncoder().withoutPadding().encodeToString(b), json, clock);
    Thread.ofVirtual().name("kernel-" + s.kernelId).start(() -> run(s));
    return s;
  }

  /** Launches the kernel and watches it until its executor ends. */
  private void run(KernelSession s) {
    Launched l;
    try {
      l = launcher.launch(new LaunchSpec(s.tenantId, s.workspaceId, "kernel " + s.kernelId, KernelPackage.blobs(), HOST,
          List.of(s.kernelId, launcher.callbackAddress(), s.secret), Map.of("CPU", config.cpus())));
    } catch (LaunchException | IllegalStateException | java.io.UncheckedIOException e) {
      LOG.warnf("kernel %s did not start: %s", s.kernelId, e.getMessage());
      s.died("the kernel could not start: " + e.getMessage());
      return;
    }
    s.launched(l);
    if (s.dead()) { // shut down while it launched
      stopQuietly(l);
      return;
    }
    while (!s.dead()) {
      Outcome o;
      try {
        if (!s.attachedOnce()) {
          launcher.pendingReason(l).ifPresent(why -> s.waiting("waiting for resources: " + why));
        }
        o = launcher.poll(l, s.attachedOnce() ? Duration.ofSeconds(30) : Duration.ofSeconds(3));
      } catch (LaunchException e) {
        if (e.retryable()) {
          continue;
        }
        s.died("lost track of the kernel: " + e.getMessage());
        break;
      }
      switch (o) {
        case Outcome.Running r -> { }
        case Outcome.Succeeded ok -> s.died("the kernel ended");
        case Outcome.Failed f -> s.died(describe(f));
      }
    }
    stopQuietly(l);
  }

  private static String describe(Outcome.Failed f) {
    return switch (f.kind()) {
      case "EXECUTOR_DIED" -> "the kernel's executor died: " + f.message();
      case "NODE_DIED" -> "the worker running the kernel died: " + f.message();
      case "QUOTA_EXCEEDED" -> "quota exceeded: " + f.message();
      default -> f.message().isEmpty() ? f.kind() : f.message();
    };
  }

  /** Tells the kernel to end, then stops its launch off the calling thread (it may be the event loop). */
  private void end(KernelSession s, String why) {
    s.shutdown(why);
    Launched l = s.launch();
    if (l != null) {
      Thread.ofVirtual().name("kernel-stop-" + s.kernelId).start(() -> stopQuietly(l));
    }
  }

  private void stopQuietly(Launched l) {
    try {
      launcher.stop(l);
    } catch (LaunchException e) {
      LOG.debugf("stopping %s: %s", l.taskId(), e.getMessage());
    }
  }
}
