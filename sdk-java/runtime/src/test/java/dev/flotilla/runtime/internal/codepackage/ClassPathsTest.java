package dev.flotilla.runtime.internal.codepackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathsTest {
  @TempDir Path dir;

  @Test
  void expand_manifestOnlyJar_addsItsClassPathEntriesAfterIt() throws IOException {
    Path other = dir.resolve("elsewhere/other.jar");
    Path launcher =
        TestJars.at(dir.resolve("surefirebooter.jar"))
            .classPath("lib/a.jar classes/ " + other.toUri())
            .write();

    List<Path> cp = ClassPaths.expand(launcher.toString());

    assertThat(cp)
        .containsExactly(launcher, dir.resolve("lib/a.jar"), dir.resolve("classes"), other);
  }

  @Test
  void expand_nestedManifestJars_expandsRecursivelyInOrder() throws IOException {
    Path outer = TestJars.at(dir.resolve("outer.jar")).classPath("inner.jar last.jar").write();
    TestJars.at(dir.resolve("inner.jar")).classPath("deep/x.jar").write();

    List<Path> cp = ClassPaths.expand(outer.toString());

    assertThat(cp)
        .containsExactly(
            outer, dir.resolve("inner.jar"), dir.resolve("deep/x.jar"), dir.resolve("last.jar"));
  }

  @Test
  void expand_manifestCycle_listsEachJarOnce() throws IOException {
    Path a = TestJars.at(dir.resolve("a.jar")).classPath("b.jar").write();
    TestJars.at(dir.resolve("b.jar")).classPath("a.jar").write();

    assertThat(ClassPaths.expand(a.toString())).containsExactly(a, dir.resolve("b.jar"));
  }

  @Test
  void expand_duplicatesAndBlankEntries_keptOnceInFirstPosition() {
    String cp = String.join(File.pathSeparator, "/x/a.jar", "", "/x/b", " ", "/x/./a.jar");

    assertThat(ClassPaths.expand(cp)).containsExactly(Path.of("/x/a.jar"), Path.of("/x/b"));
  }

  @Test
  void expand_relativeEntry_madeAbsoluteAndNormalized() {
    assertThat(ClassPaths.expand("target/../classes"))
        .containsExactly(Path.of("classes").toAbsolutePath());
  }

  @Test
  void expand_unreadableJar_contributesOnlyItself() throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.jar"), "not a zip");

    assertThat(ClassPaths.expand(broken.toString())).containsExactly(broken);
  }

  @Test
  void expand_jarWithoutClassPathAttribute_contributesOnlyItself() throws IOException {
    Path plain = TestJars.at(dir.resolve("plain.jar")).entry("a/A.class", "x").write();

    assertThat(ClassPaths.expand(plain.toString())).containsExactly(plain);
  }

  @Test
  void expand_emptyString_isEmpty() {
    assertThat(ClassPaths.expand("")).isEmpty();
  }

  @Test
  void join_expandedEntries_roundTrips() {
    List<Path> entries = List.of(dir.resolve("a.jar"), dir.resolve("classes"));

    assertThat(ClassPaths.expand(ClassPaths.join(entries))).isEqualTo(entries);
  }
}
