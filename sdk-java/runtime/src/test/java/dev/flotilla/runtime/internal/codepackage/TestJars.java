package dev.flotilla.runtime.internal.codepackage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds small jars for tests: {@code TestJars.at(path).classPath("a.jar").entry(...).write()}. */
final class TestJars {
  private final Path path;
  private String classPath;
  private final Map<String, String> entries = new LinkedHashMap<>();

  private TestJars(Path path) {
    this.path = path;
  }

  static TestJars at(Path path) {
    return new TestJars(path);
  }

  /** A manifest Class-Path attribute (space-separated entries). */
  TestJars classPath(String classPath) {
    this.classPath = classPath;
    return this;
  }

  TestJars entry(String name, String content) {
    entries.put(name, content);
    return this;
  }

  Path write() throws IOException {
    Files.createDirectories(path.getParent());
    var mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (classPath != null) {
      mf.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
    }
    try (var out = new JarOutputStream(Files.newOutputStream(path), mf)) {
      for (var e : entries.entrySet()) {
        out.putNextEntry(new JarEntry(e.getKey()));
        out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    return path;
  }
}
