package dev.flotilla.runtime.internal.client;

import dev.flotilla.api.Flotilla;
import dev.flotilla.api.spi.FlotillaProvider;
import dev.flotilla.runtime.internal.codepackage.ClassPaths;
import dev.flotilla.runtime.internal.codepackage.CodePackager;
import dev.flotilla.runtime.internal.codepackage.RuntimeClasspath;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/** The runtime behind {@link Flotilla#connect()} and {@link Flotilla#current()}. */
public final class FlotillaProviderImpl implements FlotillaProvider {
  /** Set inside executors: the connection tasks use, and the task running on each thread. */
  private static final AtomicReference<FlotillaImpl> EXECUTOR_CLIENT = new AtomicReference<>();

  private static final ThreadLocal<String> CURRENT_TASK = new InheritableThreadLocal<>();

  /** Set while a REST job's driver runs in this executor: {@code connect()} without an address borrows the executor's connection. */
  private static final AtomicReference<Flotilla> JOB_DRIVER_CONNECTION = new AtomicReference<>();

  @Override
  public Flotilla connect(String address) {
    Flotilla borrowed = address == null ? JOB_DRIVER_CONNECTION.get() : null;
    if (borrowed != null) {
      return borrowed;
    }
    ClusterAddress a =
        address == null
            ? ClusterAddress.configured(System.getenv(), Path.of(System.getProperty("user.home")))
            : ClusterAddress.parse(address);
    return FlotillaImpl.open(a, driverContext());
  }

  @Override
  public Flotilla connect(String address, String token) {
    return connect(address, token, null);
  }

  @Override
  public Flotilla connect(String address, String token, String workspace) {
    Flotilla borrowed = address == null ? JOB_DRIVER_CONNECTION.get() : null;
    if (borrowed != null) {
      return borrowed;
    }
    ClusterAddress a =
        address == null
            ? ClusterAddress.configured(System.getenv(), Path.of(System.getProperty("user.home")))
            : ClusterAddress.parse(address);
    return FlotillaImpl.open(a, driverContext(), null, token == null ? null : new Channels.Credentials(token, workspace));
  }

  /** A driver connection for a tenant's workspace, as the authenticated edge opens it. */
  public static Flotilla connectForTenant(String address, EdgeSession edge) {
    return FlotillaImpl.open(ClusterAddress.parse(address), driverContext(), edge);
  }

  @Override
  public Flotilla current() {
    FlotillaImpl c = EXECUTOR_CLIENT.get();
    if (c == null || CURRENT_TASK.get() == null) {
      throw new IllegalStateException(
          "Flotilla.current() works only inside a Flotilla task; a driver uses Flotilla.connect()");
    }
    return c;
  }

  /** Installs the executor's connection (executor main only). */
  public static void installExecutorClient(FlotillaImpl client) {
    EXECUTOR_CLIENT.set(client);
    Ambient.opened(client);
  }

  /**
   * Makes {@code Flotilla.connect()} without an address (and {@code connect(null, token)}) answer a
   * view of this executor's connection whose {@code close()} leaves it open, so a job's ordinary
   * {@code main} runs its tasks in the job it belongs to; {@code false} restores normal connecting.
   *
   * @throws IllegalStateException if this JVM is not an executor with a connection
   */
  public static void lendExecutorConnection(boolean lend) {
    if (!lend) {
      JOB_DRIVER_CONNECTION.set(null);
      return;
    }
    FlotillaImpl c = EXECUTOR_CLIENT.get();
    if (c == null) {
      throw new IllegalStateException("no executor connection to lend: this JVM is not a Flotilla executor");
    }
    JOB_DRIVER_CONNECTION.set(new SharedConnection(c));
  }

  /** The task id the current thread runs, for nested submissions; null outside tasks. */
  public static ThreadLocal<String> currentTask() {
    return CURRENT_TASK;
  }

  private static SessionContext driverContext() {
    CodePackageSource codePackage = new DriverCodePackage(
        new CodePackager(RuntimeClasspath.get(), Path.of(System.getProperty("java.io.tmpdir"), "flotilla-code")),
        ClassPaths::current);
    return new SessionContext(
        null,
        "driver:" + ProcessHandle.current().pid(),
        Thread.currentThread().getContextClassLoader() != null
            ? Thread.currentThread().getContextClassLoader()
            : FlotillaProviderImpl.class.getClassLoader(),
        false,
        codePackage,
        () -> null,
        null);
  }
}
