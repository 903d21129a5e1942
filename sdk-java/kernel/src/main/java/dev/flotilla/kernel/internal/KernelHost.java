package dev.flotilla.kernel.internal;

import dev.flotilla.api.Flotilla;
import dev.flotilla.protocol.kernel.v1.KernelChannelGrpc;
import dev.flotilla.runtime.internal.client.Channels;
import dev.flotilla.runtime.internal.client.ClusterAddress;
import io.grpc.ManagedChannel;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The platform entrypoint of a notebook kernel. Started inside an executor (as a long task or an
 * actor's method) with {@code run(kernelId, callbackAddress, secret)}, it dials out to the
 * {@code KernelChannel} at {@code callbackAddress} ({@code flotilla://host:port}, or
 * {@code flotillas://} for TLS) with {@code authorization: Bearer <secret>}, serves the kernel
 * there, and returns when it is shut down, culled, or the channel breaks.
 *
 * <p>{@code fl} in cells is the executor's connection ({@code Flotilla.current()}) when started in
 * a task, else {@code Flotilla.connect()} on first use. The idle cull time comes from {@code
 * FLOTILLA_KERNEL_IDLE_TIMEOUT} (ISO-8601, e.g. {@code PT30M}; default one hour).
 */
public final class KernelHost {
  static final Duration DEFAULT_IDLE = Duration.ofHours(1);

  private KernelHost() {}

  /**
   * Serves a kernel until it ends. Blocks.
   *
   * @return why it ended: "shutdown", "idle", or what broke
   * @throws IllegalArgumentException if an argument is missing or the address is malformed
   */
  public static String run(String kernelId, String callbackAddress, String secret) {
    if (kernelId == null || kernelId.isBlank() || secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("a kernel needs an id and a secret");
    }
    ClusterAddress address = ClusterAddress.parse(callbackAddress);
    Supplier<Flotilla> fl = connection();
    return serve(kernelId, address, secret, KernelOptions.inThisJvm(fl), InstantSource.system(), idleTimeout(), Duration.ofSeconds(5));
  }

  /** {@code run} for a plain JVM: {@code KernelHost <kernelId> <callbackAddress> <secret>}. */
  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: KernelHost <kernelId> <callbackAddress> <secret>");
      System.exit(2);
    }
    System.out.println("kernel ended: " + run(args[0], args[1], args[2]));
  }

  static String serve(String kernelId, ClusterAddress address, String secret, KernelOptions options,
      InstantSource clock, Duration idleTimeout, Duration cullCheck) {
    ManagedChannel channel = Channels.open(address, new Channels.Credentials(secret, null));
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
    try {
      KernelSession session = new KernelSession(new JShellKernel(options), clock, idleTimeout);
      var outbound = KernelChannelGrpc.newStub(channel).attach(session);
      session.start(outbound, kernelId);
      ticker.scheduleAtFixedRate(session::cullIfIdle, cullCheck.toMillis(), cullCheck.toMillis(), TimeUnit.MILLISECONDS);
      return session.ended().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (ExecutionException e) {
      return "failed: " + e.getCause();
    } finally {
      ticker.shutdownNow();
      Channels.close(channel);
    }
  }

  private static Supplier<Flotilla> connection() {
    Flotilla inTask = null;
    try {
      inTask = Flotilla.current();
    } catch (IllegalStateException notInATask) {
      // a plain JVM: connect on first use
    }
    Flotilla current = inTask;
    return current != null ? () -> current : new Memo<>(Flotilla::connect);
  }

  static Duration idleTimeout() {
    String v = System.getenv("FLOTILLA_KERNEL_IDLE_TIMEOUT");
    if (v == null || v.isBlank()) {
      return DEFAULT_IDLE;
    }
    try {
      return Duration.parse(v.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("FLOTILLA_KERNEL_IDLE_TIMEOUT must be ISO-8601 like PT30M, got: " + v, e);
    }
  }

  /** Computes once, on first use. */
  private static final class Memo<T> implements Supplier<T> {
    private final Supplier<T> source;
    private T value;

    Memo(Supplier<T> source) {
      this.source = source;
    }

    @Override
    public synchronized T get() {
      if (value == null) {
        value = source.get();
      }
      return value;
    }
  }
}
