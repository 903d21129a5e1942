package dev.flotilla.runtime.internal.executor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One isolated class loader per code package (the job's classes, on top of the runtime). Tasks
 * with the same package share a loader, so static state and JIT work are shared. Thread-safe.
 */
final class JobClassLoaders implements AutoCloseable {
  private final ConcurrentHashMap<List<String>, URLClassLoader> loaders = new ConcurrentHashMap<>();

  ClassLoader forPackage(List<String> codePaths) {
    return loaders.computeIfAbsent(List.copyOf(codePaths), JobClassLoaders::create);
  }

  private static URLClassLoader create(List<String> paths) {
    URL[] urls = new URL[paths.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = Path.of(paths.get(i)).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("Bad code path " + paths.get(i), e);
      }
    }
    return new URLClassLoader("flotilla-job", urls, JobClassLoaders.class.getClassLoader());
  }

  @Override
  public void close() {
    for (URLClassLoader l : loaders.values()) {
      try {
        l.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
