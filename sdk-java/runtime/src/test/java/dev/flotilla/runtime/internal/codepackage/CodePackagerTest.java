package dev.flotilla.runtime.internal.codepackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodePackagerTest {
  @TempDir Path dir;

  private final Path runtimeClasses = Path.of("/nonexistent/flotilla-sdk/classes");
  private final RuntimeClasspath runtime =
      new RuntimeClasspath(Set.of("grpc-core-1.79.0.jar"), runtimeClasses);

  private CodePackager packager(String workDir) {
    return new CodePackager(runtime, dir.resolve(workDir));
  }

  @Test
  void pack_sameDirectoryTwice_sameHash() throws IOException {
    Path classes = classesDir("classes");

    CodeBlob first = packager("work1").pack(List.of(classes)).getFirst();
    CodeBlob second = packager("work2").pack(List.of(classes)).getFirst();

    assertThat(second.hash()).isEqualTo(first.hash());
    assertThat(Files.readAllBytes(second.file())).isEqualTo(Files.readAllBytes(first.file()));
  }

  @Test
  void pack_sameContentWithOtherTimestamps_sameHash() throws IOException {
    Path a = classesDir("a");
    Path b = classesDir("b");
    Files.setLastModifiedTime(
        b.resolve("com/example/App.class"), FileTime.from(Instant.parse("2001-02-03T04:05:06Z")));

    String hashA = packager("work").pack(List.of(a)).getFirst().hash();
    String hashB = packager("work").pack(List.of(b)).getFirst().hash();

    assertThat(hashB).isEqualTo(hashA);
  }

  @Test
  void pack_changedFile_differentHash() throws IOException {
    Path classes = classesDir("classes");
    String before = packager("work").pack(List.of(classes)).getFirst().hash();

    Files.writeString(classes.resolve("com/example/App.class"), "app v2");
    String after = packager("work").pack(List.of(classes)).getFirst().hash();

    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void pack_addedFile_differentHash() throws IOException {
    Path classes = classesDir("classes");
    String before = packager("work").pack(List.of(classes)).getFirst().hash();

    Files.writeString(classes.resolve("com/example/Extra.class"), "extra");
    String after = packager("work").pack(List.of(classes)).getFirst().hash();

    assertThat(after).isNotEqualTo(before);
  }

  @Test
  void pack_directory_writesJarNamedByTheSha256OfItsBytes() throws IOException {
    Path classes = classesDir("classes");

    CodeBlob blob = packager("work").pack(List.of(classes)).getFirst();

    assertThat(blob.source()).isEqualTo(classes);
    assertThat(blob.file()).isEqualTo(dir.resolve("work").resolve(blob.hash() + ".jar"));
    assertThat(blob.hash()).isEqualTo(sha256(blob.file()));
    assertThat(blob.size()).isEqualTo(Files.size(blob.file()));
    try (var jar = new JarFile(blob.file().toFile())) {
      assertThat(jar.stream().map(JarEntry::getName))
          .containsExactly(
              "app.properties", "com/example/App.class", "com/example/util/Util.class");
    }
    try (var work = Files.list(dir.resolve("work"))) {
      assertThat(work).as("no temporary files left").containsExactly(blob.file());
    }
  }

  @Test
  void pack_plainJar_hashedByItsBytesInPlace() throws IOException {
    Path jar = TestJars.at(dir.resolve("lib/app-1.0.jar")).entry("a/A.class", "a").write();

    CodeBlob blob = packager("work").pack(List.of(jar)).getFirst();

    assertThat(blob).isEqualTo(new CodeBlob(sha256(jar), jar, jar, Files.size(jar)));
  }

  @Test
  void pack_runtimeAndToolingJars_skipped() throws IOException {
    Path app = TestJars.at(dir.resolve("lib/app-1.0.jar")).entry("a/A.class", "a").write();
    List<Path> skipped =
        List.of(
            TestJars.at(dir.resolve("lib/grpc-core-1.79.0.jar")).entry("g/G.class", "g").write(),
            TestJars.at(dir.resolve("lib/junit-jupiter-api-6.0.3.jar"))
                .entry("j/J.class", "j")
                .write(),
            TestJars.at(dir.resolve("lib/assertj-core-3.27.7.jar")).entry("a/B.class", "b").write(),
            TestJars.at(dir.resolve("lib/surefire-booter-3.5.4.jar"))
                .entry("s/S.class", "s")
                .write());

    var classPath = new java.util.ArrayList<>(skipped);
    classPath.add(1, app);

    assertThat(packager("work").pack(classPath)).extracting(CodeBlob::source).containsExactly(app);
  }

  @Test
  void pack_runtimeOwnLocation_skipped() throws IOException {
    Path own = Files.createDirectories(dir.resolve("sdk/classes"));
    Files.writeString(own.resolve("R.class"), "r");
    var packager = new CodePackager(new RuntimeClasspath(Set.of(), own), dir.resolve("work"));

    assertThat(packager.pack(List.of(own))).isEmpty();
  }

  @Test
  void pack_manifestOnlyMissingAndNonJarEntries_skipped() throws IOException {
    Path booter = TestJars.at(dir.resolve("booter.jar")).classPath("x.jar").write();
    Path zip = Files.writeString(dir.resolve("resources.zip"), "z");
    Path missing = dir.resolve("missing.jar");

    assertThat(packager("work").pack(List.of(booter, zip, missing))).isEmpty();
  }

  @Test
  void pack_mixedClassPath_keepsClassPathOrder() throws IOException {
    Path jar = TestJars.at(dir.resolve("lib/app-1.0.jar")).entry("a/A.class", "a").write();
    Path classes = classesDir("classes");
    Path testClasses = classesDir("test-classes");
    Files.writeString(testClasses.resolve("AppTest.class"), "test");

    List<CodeBlob> blobs = packager("work").pack(List.of(classes, jar, testClasses));

    assertThat(blobs).extracting(CodeBlob::source).containsExactly(classes, jar, testClasses);
    assertThat(blobs).extracting(CodeBlob::hash).doesNotHaveDuplicates();
  }

  @Test
  void include_emptyDirectory_included() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));

    assertThat(packager("work").include(empty)).isTrue();
  }

  private Path classesDir(String name) throws IOException {
    Path root = dir.resolve(name);
    Files.createDirectories(root.resolve("com/example/util"));
    Files.writeString(root.resolve("com/example/App.class"), "app");
    Files.writeString(root.resolve("com/example/util/Util.class"), "util");
    Files.writeString(root.resolve("app.properties"), "k=v");
    return root;
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
