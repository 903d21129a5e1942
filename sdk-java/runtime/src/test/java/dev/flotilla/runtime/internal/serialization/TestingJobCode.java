package dev.flotilla.runtime.internal.serialization;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;

/**
 * A job's code package for tests: Java sources compiled into a directory and loaded by their own
 * class loader on top of the test's, the way an executor loads a job's code over the runtime.
 */
final class TestingJobCode {
  private TestingJobCode() {}

  /**
   * Compiles the sources into {@code dir} and returns a loader for them.
   *
   * @param fileAndSource pairs of a relative file name and its source text
   */
  static URLClassLoader compile(Path dir, String... fileAndSource) {
    try {
      Path src = Files.createDirectories(dir.resolve("src"));
      Path classes = Files.createDirectories(dir.resolve("classes"));
      List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none"));
      for (int i = 0; i < fileAndSource.length; i += 2) {
        Path file = src.resolve(fileAndSource[i]);
        Files.createDirectories(file.getParent());
        Files.writeString(file, fileAndSource[i + 1]);
        args.add(file.toString());
      }
      var errors = new ByteArrayOutputStream();
      int rc =
          ToolProvider.getSystemJavaCompiler()
              .run(null, errors, errors, args.toArray(String[]::new));
      if (rc != 0) {
        throw new IllegalStateException(
            "javac failed for test job code:\n" + errors.toString(StandardCharsets.UTF_8));
      }
      return new URLClassLoader(
          "test-job", new URL[] {classes.toUri().toURL()}, TestingJobCode.class.getClassLoader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
