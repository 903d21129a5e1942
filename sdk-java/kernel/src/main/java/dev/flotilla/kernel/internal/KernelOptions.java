package dev.flotilla.kernel.internal;

import dev.flotilla.api.Flotilla;
import dev.flotilla.kernel.Display;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How a kernel is built.
 *
 * @param classPath what cells compile against
 * @param parent the class loader cell classes load through (it must see the kernel's display API)
 * @param flotilla the connection bound to {@code fl} in every cell, or null for none (unit tests)
 * @param workDir where the jars of captured classes are written
 */
public record KernelOptions(
    String classPath, ClassLoader parent, Supplier<Flotilla> flotilla, Path workDir) {
  public KernelOptions {
    Objects.requireNonNull(classPath, "classPath");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(workDir, "workDir");
  }

  /**
   * This JVM's class path plus the jars of the kernel and the API (which may sit in a code
   * package's class loader rather than on the class path), with cells loading through the kernel's
   * own class loader.
   */
  public static KernelOptions inThisJvm(Supplier<Flotilla> flotilla) {
    Set<String> entries = new LinkedHashSet<>();
    for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
      if (!e.isBlank()) {
        entries.add(e);
      }
    }
    entries.add(codeSource(Display.class));
    entries.add(codeSource(Flotilla.class));
    return new KernelOptions(
        String.join(File.pathSeparator, entries),
        Display.class.getClassLoader(),
        flotilla,
        Path.of(System.getProperty("java.io.tmpdir"), "flotilla-kernel"));
  }

  private static String codeSource(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("cannot locate the jar of " + c.getName(), e);
    }
  }
}
