package dev.flotilla.worker.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class path a tenant executor (another OS user) can read. */
class PosixFilesTest {

  @TempDir Path tmp;

  @Test
  void readableCopy_entriesBehindAClosedDirectory_areMadeReachable_andReachableOnesKept() throws IOException {
    Path open = PosixFiles.directory(tmp.resolve("open"), owner(), group(), "rwxr-xr-x");
    PosixFiles.mode(tmp, "rwxr-xr-x");
    Path closed = PosixFiles.directory(tmp.resolve("closed"), owner(), group(), "rwx------");
    Path privateJar = Files.write(closed.resolve("lib.jar"), new byte[] {1, 2, 3});
    Path privateClasses = Files.createDirectories(closed.resolve("classes/dev/x"));
    Files.write(privateClasses.resolve("A.class"), new byte[] {4});
    Path publicJar = Files.write(open.resolve("pub.jar"), new byte[] {5});
    PosixFiles.mode(publicJar, "rw-r--r--");
    Path into = PosixFiles.directory(tmp.resolve("open/runtime"), owner(), group(), "rwxr-xr-x");
    assumeParentsReachable(tmp);

    List<Path> out = PosixFiles.readableCopy(List.of(privateJar, closed.resolve("classes"), publicJar), into);

    assertEquals(publicJar, out.get(2));
    assertTrue(out.get(0).startsWith(into), out.toString());
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(out.get(0)));
    assertTrue(PosixFiles.reachableByOthers(out.get(0)));
    assertTrue(PosixFiles.reachableByOthers(out.get(1).resolve("dev/x/A.class")));
    assertFalse(PosixFiles.reachableByOthers(privateJar));
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(closed)), "the original is untouched");
  }

  private static void assumeParentsReachable(Path dir) {
    org.junit.jupiter.api.Assumptions.assumeTrue(PosixFiles.reachableByOthers(dir),
        "the temporary directory's parents are closed to other users here");
  }

  private static int owner() {
    return (int) new com.sun.security.auth.module.UnixSystem().getUid();
  }

  private static int group() {
    return (int) new com.sun.security.auth.module.UnixSystem().getGid();
  }
}
