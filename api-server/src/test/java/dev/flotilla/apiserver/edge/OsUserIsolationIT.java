package dev.flotilla.apiserver.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItWorld;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * On a worker running as root (as CI's and a production node's do), two tenants' executors run as
 * two different unprivileged OS users, and one tenant's task cannot read the other's code, home,
 * temporary files or stored objects, nor list the worker's shared memory or logs, nor take over the
 * other's executor stream on the worker (executor ids are not secret). Real scheduler,
 * worker, executors, Keycloak and PostgreSQL; two SDK programs with the two tenants' API tokens.
 * Skipped where the tests do not run as root (a worker there cannot switch users).
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
@QuarkusTestResource(value = EdgeCluster.class, restrictToAnnotatedClass = true)
class OsUserIsolationIT {
  @Inject EdgeServer edge;

  @Test
  void twoTenantsTasks_runAsTwoUsers_andNeitherReadsTheOthersFiles() throws Exception {
    assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0, "the tests do not run as root");
    Path jar = Files.createTempFile("os-users", ".jar");
    Files.write(jar, dev.flotilla.apiserver.TestJars.compile(Map.of(OsUsersProgram.CLASS, OsUsersProgram.SOURCE)));
    Process a = program(jar, ItWorld.sharedA().memberToken.secret(), "report");
    try (var out = new BufferedReader(new InputStreamReader(a.getInputStream(), StandardCharsets.UTF_8))) {
      StringBuilder seen = new StringBuilder();
      String who = null;
      for (String line; (line = out.readLine()) != null && !line.startsWith("result "); ) {
        seen.append(line).append('\n');
        who = line.startsWith("uid=") ? line : who;
      }
      assertThat(who).as("tenant A's program output:\n" + seen).isNotNull();
      Map<String, String> aUser = fields(who);
      int aUid = Integer.parseInt(aUser.get("uid"));
      Path aObject = fileOwnedBy(aUid);
      Path shm = aObject.getParent();
      Path logs = EdgeCluster.DIR.resolve("worker-1").resolve("logs");
      List<String> aFiles = List.of(aUser.get("code"), aUser.get("home") + "/secret.txt", aUser.get("home"),
          aUser.get("tmp"), aObject.toString(), shm.toString(), logs.toString());

      String probe = run(program(jar, ItWorld.sharedB().memberToken.secret(), Stream.concat(Stream.of("probe", "hijack:" + aUser.get("executor")), aFiles.stream()).toArray(String[]::new)));

      Map<String, String> bUser = fields(probe.lines().filter(l -> l.startsWith("uid=")).findFirst().orElseThrow(
          () -> new AssertionError("tenant B's probe printed no uid line:\n" + probe)));
      assertThat(aUid).as("tenant A's uid").isPositive();
      assertThat(Integer.parseInt(bUser.get("uid"))).as("tenant B's uid").isPositive().isNotEqualTo(aUid);
      assertThat(aUser.get("user")).startsWith("flt-").isNotEqualTo(bUser.get("user"));
      for (String f : aFiles) {
        assertThat(probe).as("tenant B reading " + f).contains("denied " + f);
      }
      assertThat(probe).as("tenant B saying hello as tenant A's executor")
          .contains("hijack " + aUser.get("executor") + ": PERMISSION_DENIED");
      assertThat(probe).as("tenant B reads its own files").contains("read " + bUser.get("home") + "/secret.txt")
          .contains("read " + bUser.get("code"));
      a.getOutputStream().write('\n');
      a.getOutputStream().flush();
      assertThat(a.waitFor(1, TimeUnit.MINUTES)).as("tenant A's program ends").isTrue();
      assertThat(a.exitValue()).isZero();
    } finally {
      a.destroyForcibly();
      Files.deleteIfExists(jar);
    }
  }

  private Process program(Path jar, String token, String... args) throws IOException {
    List<String> cp = new ArrayList<>(EdgeCluster.flotillaClassPath().stream().map(Path::toString).toList());
    cp.add(jar.toString());
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED", "-cp",
        String.join(java.io.File.pathSeparator, cp), OsUsersProgram.CLASS));
    cmd.addAll(List.of(args));
    var pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("FLOTILLA_ADDRESS", "flotilla://127.0.0.1:" + edge.port());
    pb.environment().put("FLOTILLA_TOKEN", token);
    return pb.start();
  }

  private static String run(Process p) throws IOException, InterruptedException {
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the probe did not end within 3 minutes; output:\n" + out);
    }
    assertThat(p.exitValue()).as("the probe's exit; output:\n" + out).isZero();
    return out;
  }

  /** {@code uid=1 user=x home=/h} as a map. */
  private static Map<String, String> fields(String line) {
    Map<String, String> out = new HashMap<>();
    for (String kv : line.strip().split(" ")) {
      int eq = kv.indexOf('=');
      out.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return out;
  }

  /** The object file tenant A's result left in a worker's shared memory: the one file there its user owns. */
  private static Path fileOwnedBy(int uid) throws IOException {
    try (Stream<Path> dirs = Files.list(Path.of("/dev/shm"))) {
      for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("flotilla-")).toList()) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            if (((Integer) Files.getAttribute(f, "unix:uid")) == uid) {
              return f;
            }
          }
        }
      }
    }
    throw new AssertionError("no object file of uid " + uid + " in /dev/shm/flotilla-*");
  }
}
