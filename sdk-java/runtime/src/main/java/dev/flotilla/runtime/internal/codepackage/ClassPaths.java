package dev.flotilla.runtime.internal.codepackage;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;

/** Class-path parsing, including manifest-only jars (what Maven's test runners launch with). */
public final class ClassPaths {
  private ClassPaths() {}

  /** This JVM's class path, with manifest {@code Class-Path} entries expanded. */
  public static List<Path> current() {
    return expand(System.getProperty("java.class.path", ""));
  }

  public static List<Path> expand(String classPath) {
    Set<Path> out = new LinkedHashSet<>();
    for (String s : classPath.split(File.pathSeparator)) {
      if (!s.isBlank()) {
        add(Path.of(s).toAbsolutePath().normalize(), out);
      }
    }
    return new ArrayList<>(out);
  }

  public static String join(List<Path> entries) {
    var parts = new ArrayList<String>();
    for (Path p : entries) {
      parts.add(p.toString());
    }
    return String.join(File.pathSeparator, parts);
  }

  private static void add(Path p, Set<Path> out) {
    if (!out.add(p) || !p.toString().endsWith(".jar") || !Files.isRegularFile(p)) {
      return;
    }
    try (var jar = new JarFile(p.toFile())) {
      var mf = jar.getManifest();
      String cp = mf == null ? null : mf.getMainAttributes().getValue("Class-Path");
      if (cp == null) {
        return;
      }
      for (String entry : cp.trim().split("\\s+")) {
        if (!entry.isEmpty()) {
          add(resolve(p, entry), out);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // An unreadable jar contributes only itself.
    }
  }

  private static Path resolve(Path jar, String entry) {
    if (entry.startsWith("file:")) {
      return Path.of(URI.create(entry)).toAbsolutePath().normalize();
    }
    return jar.getParent().resolve(entry).toAbsolutePath().normalize();
  }
}
