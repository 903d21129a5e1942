package dev.flotilla.apiserver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Real code packages for tests: Java sources compiled with the JDK's compiler (against this test's
 * class path, so they may use the Flotilla API) into a jar's bytes.
 */
public final class TestJars {
  private TestJars() {}

  /**
   * @param sources fully qualified class name → its source
   * @return the jar holding the compiled classes
   */
  public static byte[] compile(Map<String, String> sources) {
    try {
      Path dir = Files.createTempDirectory("flotilla-testjar");
      Path src = dir.resolve("src");
      Path out = Files.createDirectories(dir.resolve("classes"));
      List<String> args = new java.util.ArrayList<>(List.of("-d", out.toString(), "-cp",
          System.getProperty("java.class.path"), "--release", "21", "-proc:none"));
      for (var e : sources.entrySet()) {
        Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
        Files.createDirectories(f.getParent());
        Files.writeString(f, e.getValue());
        args.add(f.toString());
      }
      var err = new ByteArrayOutputStream();
      int rc = ToolProvider.getSystemJavaCompiler().run(null, err, err, args.toArray(String[]::new));
      if (rc != 0) {
        throw new IllegalArgumentException("test sources do not compile:\n" + err);
      }
      return jar(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lowercase hex SHA-256, the name the scheduler gives a code blob. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] jar(Path classes) throws IOException {
    var bytes = new ByteArrayOutputStream();
    try (var jar = new JarOutputStream(bytes); Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        JarEntry entry = new JarEntry(classes.relativize(f).toString().replace('\\', '/'));
        entry.setTime(0);
        jar.putNextEntry(entry);
        jar.write(Files.readAllBytes(f));
        jar.closeEntry();
      }
    }
    return bytes.toByteArray();
  }
}
