package dev.flotilla.runtime.internal.codepackage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds a driver's code package: every class-path entry that is not part of the Flotilla
 * runtime (or of the JDK or a test runner) becomes a content-addressed blob. Directories are
 * packed into deterministic jars (sorted entries, fixed timestamps), so unchanged code hashes the
 * same and is uploaded once.
 */
public final class CodePackager {
  private static final Set<String> TOOLING_PREFIXES =
      Set.of(
          "junit-", "opentest4j-", "apiguardian-", "assertj-", "surefire", "failsafe",
          "common-java5-", "common-junit", "jqwik-", "archunit-", "flotilla-scheduler-",
          "flotilla-gpu-worker-", "flotilla-sdk-testing-", "flotilla-deploy-");
  private static final long FIXED_TIME = 315532800000L; // 1980-01-01, the zip epoch

  private final RuntimeClasspath runtime;
  private final Path workDir;

  public CodePackager(RuntimeClasspath runtime, Path workDir) {
    this.runtime = runtime;
    this.workDir = workDir;
  }

  /** The code package of a class path, in class-path order. Blocks on file I/O. */
  public List<CodeBlob> pack(List<Path> classPath) {
    var blobs = new ArrayList<CodeBlob>();
    for (Path entry : classPath) {
      if (!include(entry)) {
        continue;
      }
      try {
        blobs.add(Files.isDirectory(entry) ? packDirectory(entry) : hashJar(entry));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot pack class-path entry " + entry, e);
      }
    }
    return blobs;
  }

  boolean include(Path entry) {
    if (runtime.isRuntime(entry) || !Files.exists(entry)) {
      return false;
    }
    if (Files.isDirectory(entry)) {
      return true;
    }
    String name = entry.getFileName().toString();
    if (!name.endsWith(".jar")) {
      return false;
    }
    for (String p : TOOLING_PREFIXES) {
      if (name.startsWith(p)) {
        return false;
      }
    }
    return !isManifestOnly(entry);
  }

  private static boolean isManifestOnly(Path jar) {
    try (var jf = new java.util.jar.JarFile(jar.toFile())) {
      return jf.stream().allMatch(e -> e.getName().startsWith("META-INF/"));
    } catch (IOException e) {
      return true;
    }
  }

  private CodeBlob hashJar(Path jar) throws IOException {
    MessageDigest md = sha256();
    try (var in = Files.newInputStream(jar)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return new CodeBlob(HexFormat.of().formatHex(md.digest()), jar, jar, Files.size(jar));
  }

  private CodeBlob packDirectory(Path dir) throws IOException {
    Files.createDirectories(workDir);
    Path tmp = Files.createTempFile(workDir, "pack-", ".jar");
    MessageDigest md = sha256();
    try (OutputStream fileOut = Files.newOutputStream(tmp);
        var jar = new JarOutputStream(new DigestOutputStream(fileOut, md));
        Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        var e = new JarEntry(dir.relativize(f).toString().replace('\\', '/'));
        e.setTime(FIXED_TIME);
        jar.putNextEntry(e);
        Files.copy(f, jar);
        jar.closeEntry();
      }
    }
    String hash = HexFormat.of().formatHex(md.digest());
    Path target = workDir.resolve(hash + ".jar");
    Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return new CodeBlob(hash, dir, target, Files.size(target));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
