package dev.flotilla.runtime.internal.codepackage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which class-path entries belong to the Flotilla runtime (the SDK and its libraries). Executors
 * run with exactly these on their class path; a driver's code package holds everything else.
 * The list of jar names is written at build time into {@code META-INF/flotilla/runtime-jars.txt}.
 */
public final class RuntimeClasspath {
  private static final String RESOURCE = "/META-INF/flotilla/runtime-jars.txt";
  private static final RuntimeClasspath INSTANCE = load();

  private final Set<String> jarNames;
  private final Path ownLocation;

  RuntimeClasspath(Set<String> jarNames, Path ownLocation) {
    this.jarNames = Set.copyOf(jarNames);
    this.ownLocation = ownLocation;
  }

  public static RuntimeClasspath get() {
    return INSTANCE;
  }

  public boolean isRuntime(Path entry) {
    return entry.equals(ownLocation) || jarNames.contains(entry.getFileName().toString());
  }

  /** The runtime entries of a class path, in order: an executor's class path. */
  public List<Path> runtimeEntries(List<Path> classPath) {
    return classPath.stream().filter(this::isRuntime).toList();
  }

  private static RuntimeClasspath load() {
    Set<String> names = new HashSet<>();
    try (InputStream in = RuntimeClasspath.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("flotilla-sdk is missing " + RESOURCE);
      }
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("[:\\n]")) {
        String name = line.trim();
        if (!name.isEmpty()) {
          names.add(name.substring(name.lastIndexOf('/') + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Path own =
          Path.of(RuntimeClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toAbsolutePath()
              .normalize();
      return new RuntimeClasspath(names, own);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
