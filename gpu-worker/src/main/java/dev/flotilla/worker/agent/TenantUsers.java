package dev.flotilla.worker.agent;

import dev.flotilla.worker.store.ObjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Which OS user each tenant's executors run as. A worker running as root runs every tenant's
 * executors as that tenant's own unprivileged system user ({@code flt-<hash>}, created with {@code
 * useradd} on first use, shared by the workers of one host), started through {@code setpriv} with
 * no capabilities, no supplementary groups and no way to gain privileges. Each user reads only its
 * own code and objects: the executor root, the store's directories and the worker's log directory
 * are closed to everyone else. A worker not running as root cannot switch users: its executors run
 * as its own user, as local (untenanted) work always does. Thread-safe.
 */
final class TenantUsers implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(TenantUsers.class.getName());

  /** Environment variables a tenant executor keeps from the worker's; everything else is dropped. */
  private static final List<String> KEPT_ENV = List.of("PATH", "LANG", "TZ", "LD_LIBRARY_PATH");
  private static final List<String> KEPT_ENV_PREFIXES = List.of("LC_", "CUDA_", "NVIDIA_", "NCCL_");

  private final SystemUsers users;
  /** Null when not switching users. */
  private final Path root;
  private final List<Path> classPath;
  private final Map<String, ExecutorUser> byTenant = new HashMap<>();
  private volatile ObjectStore store;

  private TenantUsers(SystemUsers users, Path root, List<Path> classPath) {
    this.users = users;
    this.root = root;
    this.classPath = classPath;
  }

  /**
   * Decides how this worker runs tenant executors. As root: prepares the executor root (the
   * configured one, else {@code <work dir>/exec} when every user can reach the work dir, else a
   * fresh directory under {@code java.io.tmpdir}) and a world-readable copy of the runtime class
   * path where it is not reachable, and fails if {@code setpriv} or {@code useradd} is missing or
   * the JDK is not readable by other users. Otherwise: executors run as this process's user.
   */
  static TenantUsers open(WorkerConfig config, SystemUsers users) throws IOException {
    if (!PosixFiles.isRoot()) {
      LOG.info("the gpu-worker does not run as root: every executor runs as its user "
          + System.getProperty("user.name") + " (run it as root to give each tenant its own OS user)");
      return new TenantUsers(users, null, config.executorClassPath());
    }
    for (String tool : List.of("setpriv", "useradd", "getent")) {
      if (PosixFiles.onPath(tool).isEmpty()) {
        throw new IOException("the gpu-worker runs as root, so it runs each tenant's executors as that tenant's own"
            + " OS user, which needs " + tool + " on the PATH (util-linux, passwd, libc-bin); install it, or run the"
            + " worker as an unprivileged user");
      }
    }
    Path java = Path.of(config.javaCommand()).toRealPath();
    if (!PosixFiles.reachableByOthers(java)) {
      throw new IOException(java + " cannot be run by other users, so tenant executors (which run as their own OS"
          + " users) could not start; install the JDK where every user can read it, e.g. under /usr/lib/jvm");
    }
    Path root = executorRoot(config);
    PosixFiles.directory(root, 0, 0, "rwx--x--x");
    for (String stale : List.of("runtime", "tenants", "spill")) {
      PosixFiles.deleteTree(root.resolve(stale)); // an earlier worker's that did not close: its homes, copies, spills
    }
    List<Path> classPath = PosixFiles.readableCopy(config.executorClassPath(),
        PosixFiles.directory(root.resolve("runtime"), 0, 0, "rwxr-xr-x"));
    PosixFiles.directory(root.resolve("tenants"), 0, 0, "rwx--x--x");
    PosixFiles.directory(root.resolve("spill"), 0, 0, "rwx--x--x");
    // The work dir holds every tenant's executor logs and the local code cache.
    PosixFiles.mode(Files.createDirectories(config.workDir()), "rwx--x--x");
    LOG.info("tenant executors run as their own OS users (flt-*); executor root " + root);
    return new TenantUsers(users, root, classPath);
  }

  private static Path executorRoot(WorkerConfig config) throws IOException {
    if (config.executorRoot() != null) {
      return config.executorRoot().toAbsolutePath();
    }
    Path work = config.workDir().toAbsolutePath().normalize();
    Path parent = work.getParent();
    if (parent != null && Files.isDirectory(parent) && PosixFiles.reachableByOthers(parent)) {
      return work.resolve("exec");
    }
    return Files.createTempDirectory("flotilla-exec-");
  }

  /** True when executors of tenants run as their own OS users. */
  boolean switching() {
    return root != null;
  }

  /** Where the store spills: inside the executor root when switching users, so executors can read spilled objects. */
  Path spillDir(Path workDir) {
    return root == null ? workDir.resolve("spill") : root.resolve("spill");
  }

  /** Closes the store's directories to everyone but their owners' objects. Call once, before any executor starts. */
  void protect(ObjectStore s) throws IOException {
    this.store = s;
    if (root != null) {
      PosixFiles.mode(s.shmDir(), "rwx--x--x");
      PosixFiles.mode(s.spillDir(), "rwx--x--x");
    }
  }

  /** The class path executors run with: readable by them. */
  List<Path> classPath() {
    return classPath;
  }

  /**
   * The user a tenant's executors run as, created (with its directories) on first use; null for
   * local work or when this worker does not switch users. Blocks while {@code useradd} runs.
   */
  synchronized ExecutorUser forTenant(String tenant) throws IOException {
    if (root == null || tenant == null || tenant.isEmpty()) {
      return null;
    }
    ExecutorUser known = byTenant.get(tenant);
    if (known != null) {
      return known;
    }
    String name = userName(tenant);
    SystemUsers.Ids ids = ensureUser(name, tenant);
    Path dir = PosixFiles.directory(root.resolve("tenants").resolve(name), 0, ids.gid(), "rwxr-x---");
    var user = new ExecutorUser(tenant, name, ids.uid(), ids.gid(),
        PosixFiles.directory(dir.resolve("home"), ids.uid(), ids.gid(), "rwx------"),
        PosixFiles.directory(dir.resolve("tmp"), ids.uid(), ids.gid(), "rwx------"),
        PosixFiles.directory(dir.resolve("code"), 0, ids.gid(), "rwxr-x---"),
        PosixFiles.directory(store.stagingArea(name), ids.uid(), ids.gid(), "rwx------"));
    byTenant.put(tenant, user);
    LOG.info(() -> "tenant " + tenant + " runs as " + name + " (uid " + ids.uid() + ")");
    return user;
  }

  private SystemUsers.Ids ensureUser(String name, String tenant) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Optional<SystemUsers.Ids> ids = users.find(name);
      if (ids.isEmpty()) {
        users.create(name, "Flotilla tenant " + tenant.replaceAll("[^A-Za-z0-9._-]", "_"));
        ids = users.find(name); // made by us, or by a worker next to us that raced us
      }
      if (ids.isPresent()) {
        if (ids.get().uid() == 0 || ids.get().gid() == 0) {
          throw new IOException("system user " + name + " has uid or gid 0; refusing to run tenant " + tenant + "'s code as it");
        }
        return ids.get();
      }
      if (attempt == 5) {
        throw new IOException("cannot create the system user " + name + " for tenant " + tenant
            + ": useradd failed 5 times (is /etc/passwd writable and not locked?)");
      }
      try {
        Thread.sleep(200L * attempt); // useradd fails while another holds the passwd lock
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while creating user " + name, e);
      }
    }
  }

  /** {@code flt-} and 12 hex digits of the tenant's SHA-256: a valid, fixed-length user name. */
  static String userName(String tenant) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(tenant.getBytes(StandardCharsets.UTF_8));
      return "flt-" + HexFormat.of().formatHex(h, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }

  /** What an executor's command line starts with: {@code setpriv ... --} for a tenant user, else nothing. */
  static List<String> launcher(ExecutorUser u) {
    if (u == null) {
      return List.of();
    }
    return List.of("setpriv", "--reuid=" + u.uid(), "--regid=" + u.gid(), "--clear-groups",
        "--no-new-privs", "--bounding-set=-all", "--inh-caps=-all", "--");
  }

  /** JVM flags that keep a tenant executor's files in its own directories. */
  static List<String> jvmArgs(ExecutorUser u) {
    if (u == null) {
      return List.of();
    }
    return List.of("-Duser.home=" + u.home(), "-Djava.io.tmpdir=" + u.tmp());
  }

  /**
   * Gives a tenant executor its own working directory and an environment with none of the
   * worker's variables beyond locale, path and GPU libraries (the worker's may hold secrets).
   */
  static void restrict(ProcessBuilder pb, ExecutorUser u) {
    if (u == null) {
      return;
    }
    Map<String, String> env = pb.environment();
    Map<String, String> kept = new HashMap<>();
    env.forEach((k, v) -> {
      if (KEPT_ENV.contains(k) || KEPT_ENV_PREFIXES.stream().anyMatch(k::startsWith)) {
        kept.put(k, v);
      }
    });
    env.clear();
    env.putAll(kept);
    env.put("HOME", u.home().toString());
    env.put("TMPDIR", u.tmp().toString());
    env.put("USER", u.name());
    env.put("LOGNAME", u.name());
    pb.directory(u.home().toFile());
  }

  /**
   * Makes an object file readable by {@code u}'s executors and nobody else's: a file the worker
   * made becomes the user's; one already another tenant user's is refused. Nothing to do for a
   * null user.
   *
   * @throws java.nio.file.AccessDeniedException if the file is another tenant user's
   */
  void grant(Path file, ExecutorUser u) throws IOException {
    if (u == null) {
      return;
    }
    int owner = PosixFiles.owner(file);
    if (owner == u.uid()) {
      return;
    }
    if (owner != 0) {
      throw new java.nio.file.AccessDeniedException(file.getFileName().toString(), null,
          "the object belongs to another tenant's executors");
    }
    PosixFiles.own(file, u.uid(), u.gid(), "rw-------");
  }

  /** Makes a downloaded code jar readable by {@code u}'s group (its executors) only. */
  static void shareCode(Path jar, ExecutorUser u) throws IOException {
    if (u != null) {
      PosixFiles.own(jar, 0, u.gid(), "rw-r-----");
    }
  }

  @Override
  public void close() {
    if (root != null) {
      PosixFiles.deleteTree(root);
    }
  }

  /** For logs: how executors of {@code u} are started. */
  static String describe(ExecutorUser u) {
    return u == null ? "as the worker's user" : "as " + u.name() + " (uid " + u.uid() + ")";
  }
}
