package dev.flotilla.worker.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flotilla.worker.store.ObjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a worker decides which OS user a tenant's executors run as, with a fake user database. The
 * tests that prepare directories need root (as a worker that switches users does) and are skipped
 * otherwise; the real {@code setpriv} switch is exercised by the api-server's OsUserIsolationIT.
 */
class TenantUsersTest {

  @TempDir Path tmp;
  private final FakeUsers db = new FakeUsers();
  private TenantUsers users;
  private ObjectStore store;

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
    if (users != null) {
      users.close();
    }
  }

  @Test
  void userName_isFixedLengthValidAndDiffersPerTenant() {
    String a = TenantUsers.userName("acme");
    String b = TenantUsers.userName("globex");

    assertTrue(a.matches("flt-[0-9a-f]{12}"), a);
    assertEquals(a, TenantUsers.userName("acme"));
    assertNotEquals(a, b);
    assertTrue(TenantUsers.userName("x".repeat(500)).length() <= 32, "useradd accepts at most 32 characters");
  }

  @Test
  void parsePasswd_readsUidAndGid_andRejectsGarbage() {
    assertEquals(Optional.of(new SystemUsers.Ids(998, 997)),
        SystemUsers.parsePasswd("flt-abc:x:998:997:Flotilla tenant acme:/nonexistent:/usr/sbin/nologin\n"));
    assertEquals(Optional.empty(), SystemUsers.parsePasswd("flt-abc:x:998"));
    assertEquals(Optional.empty(), SystemUsers.parsePasswd("flt-abc:x:many:997:c:/h:/s"));
  }

  @Test
  void launcher_dropsEveryPrivilegeBeforeJava() {
    List<String> cmd = TenantUsers.launcher(user(1234, 1235));

    assertEquals("setpriv", cmd.get(0));
    assertTrue(cmd.containsAll(List.of("--reuid=1234", "--regid=1235", "--clear-groups", "--no-new-privs",
        "--bounding-set=-all", "--inh-caps=-all")), cmd.toString());
    assertEquals("--", cmd.get(cmd.size() - 1));
    assertEquals(List.of(), TenantUsers.launcher(null));
  }

  @Test
  void restrict_keepsNoWorkerSecretsAndPointsHomeAndTmpAtTheUsersOwnDirectories() {
    ExecutorUser u = user(1234, 1235);
    var pb = new ProcessBuilder("java");
    pb.environment().clear();
    pb.environment().putAll(Map.of("PATH", "/usr/bin", "LC_ALL", "C.UTF-8", "CUDA_HOME", "/usr/local/cuda",
        "FLOTILLA_EDGE_SECRET", "s3cret", "AWS_SECRET_ACCESS_KEY", "k", "HOME", "/root"));

    TenantUsers.restrict(pb, u);

    Map<String, String> env = pb.environment();
    assertEquals("/usr/bin", env.get("PATH"));
    assertEquals("C.UTF-8", env.get("LC_ALL"));
    assertEquals("/usr/local/cuda", env.get("CUDA_HOME"));
    assertFalse(env.containsKey("FLOTILLA_EDGE_SECRET"));
    assertFalse(env.containsKey("AWS_SECRET_ACCESS_KEY"));
    assertEquals(u.home().toString(), env.get("HOME"));
    assertEquals(u.tmp().toString(), env.get("TMPDIR"));
    assertEquals(u.name(), env.get("USER"));
    assertEquals(u.home().toFile(), pb.directory());
    assertTrue(TenantUsers.jvmArgs(u).contains("-Djava.io.tmpdir=" + u.tmp()));
  }

  @Test
  void forTenant_createsTheUserOnceWithDirectoriesOnlyItCanReach() throws IOException {
    openAsRoot();

    ExecutorUser u = users.forTenant("acme");

    assertEquals(List.of(TenantUsers.userName("acme")), db.created);
    assertSame(u, users.forTenant("acme"));
    assertEquals(1, db.created.size(), "a known tenant's user is not created again");
    assertOwned(u.home(), 5001, 5001, "rwx------");
    assertOwned(u.tmp(), 5001, 5001, "rwx------");
    assertOwned(u.staging(), 5001, 5001, "rwx------");
    assertOwned(u.code(), 0, 5001, "rwxr-x---");
    assertOwned(u.home().getParent(), 0, 5001, "rwxr-x---");
    assertEquals(store.shmDir(), u.staging().getParent());
    assertOwned(store.shmDir(), 0, 0, "rwx--x--x");
  }

  @Test
  void forTenant_twoTenants_getTwoUsersWithSeparateDirectories() throws IOException {
    openAsRoot();

    ExecutorUser a = users.forTenant("acme");
    ExecutorUser b = users.forTenant("globex");

    assertNotEquals(a.uid(), b.uid());
    assertNotEquals(a.home(), b.home());
    assertNotEquals(a.staging(), b.staging());
    assertNotEquals(a.code(), b.code());
  }

  @Test
  void forTenant_localWork_runsAsTheWorker() throws IOException {
    openAsRoot();

    assertNull(users.forTenant(""));
    assertNull(users.forTenant(null));
    assertTrue(db.created.isEmpty());
  }

  @Test
  void forTenant_userMadeByANeighbourWorkerFirst_isUsed() throws IOException {
    openAsRoot();
    db.failCreateButAppear = true;

    ExecutorUser u = users.forTenant("acme");

    assertEquals(5001, u.uid());
  }

  @Test
  void forTenant_existingUserWithUidZero_isRefused() throws IOException {
    openAsRoot();
    db.byName.put(TenantUsers.userName("acme"), new SystemUsers.Ids(0, 0));

    var e = assertThrows(IOException.class, () -> users.forTenant("acme"));

    assertTrue(e.getMessage().contains("uid or gid 0"), e.getMessage());
  }

  @Test
  void grant_givesAWorkerFileToTheUser_andRefusesAnotherTenantsFile() throws IOException {
    openAsRoot();
    ExecutorUser a = users.forTenant("acme");
    ExecutorUser b = users.forTenant("globex");
    Path file = Files.write(store.pathFor("obj"), new byte[4]);

    users.grant(file, a);
    users.grant(file, a);

    assertOwned(file, a.uid(), a.gid(), "rw-------");
    var e = assertThrows(java.nio.file.AccessDeniedException.class, () -> users.grant(file, b));
    assertTrue(e.getMessage().contains("another tenant"), e.getMessage());
    assertOwned(file, a.uid(), a.gid(), "rw-------");
  }

  @Test
  void close_removesTheExecutorRoot() throws IOException {
    openAsRoot();
    ExecutorUser u = users.forTenant("acme");

    users.close();
    users = null;

    assertFalse(Files.exists(u.home()));
    assertFalse(Files.exists(tmp.resolve("exec")));
  }

  @Test
  void open_afterAWorkerThatDidNotClose_startsWithNoStaleHomes() throws IOException {
    openAsRoot();
    Path stale = Files.writeString(users.forTenant("acme").home().resolve("left-behind"), "x");
    store.close();
    store = null;
    users = null; // the earlier worker died without closing

    openAsRoot();

    assertFalse(Files.exists(stale));
    assertTrue(Files.isDirectory(users.forTenant("acme").home()));
  }

  private void openAsRoot() throws IOException {
    assumeTrue(PosixFiles.isRoot(), "switching users needs a worker running as root");
    var config = new WorkerConfig("127.0.0.1:1", "127.0.0.1", 0, tmp.resolve("work"), 1 << 20,
        ProcessHandle.current().info().command().orElse("java"), List.of(), List.of(), Map.of(), Map.of(),
        tmp.resolve("exec"));
    users = TenantUsers.open(config, db);
    store = new ObjectStore(tmp.resolve("shm-" + System.nanoTime()), users.spillDir(config.workDir()), 1 << 20);
    users.protect(store);
  }

  private static void assertOwned(Path p, int uid, int gid, String mode) throws IOException {
    assertEquals(uid, Files.getAttribute(p, "unix:uid"), "owner of " + p);
    assertEquals(gid, Files.getAttribute(p, "unix:gid"), "group of " + p);
    assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), "mode of " + p);
  }

  private ExecutorUser user(int uid, int gid) {
    Path d = tmp.resolve("u" + uid);
    return new ExecutorUser("acme", "flt-000000000001", uid, gid, d.resolve("home"), d.resolve("tmp"),
        d.resolve("code"), d.resolve("staging"));
  }

  /** A user database in memory: users get ids from 5001 up. */
  private static final class FakeUsers implements SystemUsers {
    final Map<String, Ids> byName = new HashMap<>();
    final List<String> created = new ArrayList<>();
    boolean failCreateButAppear;
    private int next = 5001;

    @Override
    public synchronized Optional<Ids> find(String name) {
      return Optional.ofNullable(byName.get(name));
    }

    @Override
    public synchronized boolean create(String name, String comment) {
      Ids ids = new Ids(next, next);
      next++;
      byName.put(name, ids);
      if (failCreateButAppear) {
        return false;
      }
      created.add(name);
      return true;
    }
  }
}
