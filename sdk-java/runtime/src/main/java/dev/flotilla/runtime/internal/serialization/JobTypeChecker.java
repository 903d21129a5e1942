package dev.flotilla.runtime.internal.serialization;

import java.util.Set;
import org.apache.fory.resolver.TypeChecker;
import org.apache.fory.resolver.TypeResolver;

/**
 * The per-job allow-list: JDK value types, Flotilla's own value types and the classes of the
 * job's own code package. Everything else (in particular JDK and library classes that gadget
 * chains use) is refused, so a tenant's bytes can only ever build the tenant's own objects.
 */
final class JobTypeChecker implements TypeChecker {
  private static final Set<String> ALLOWED_PACKAGES =
      Set.of(
          "java.lang.",
          "java.util.",
          "java.time.",
          "java.math.",
          "dev.flotilla.api.",
          "dev.flotilla.runtime.internal.client.");
  private static final Set<String> DENIED =
      Set.of(
          "java.lang.Runtime",
          "java.lang.ProcessBuilder",
          "java.lang.Thread",
          "java.lang.ClassLoader",
          "java.util.ServiceLoader");

  private final ClassLoader loader;
  private final boolean strict;

  /**
   * @param strict when true (executors), a job class must be defined by {@code loader} itself,
   *     not by a parent: the runtime's own libraries stay off the allow-list
   */
  JobTypeChecker(ClassLoader loader, boolean strict) {
    this.loader = loader;
    this.strict = strict;
  }

  @Override
  public boolean checkType(TypeResolver resolver, String className) {
    if (DENIED.contains(className) || className.startsWith("java.lang.reflect.")
        || className.startsWith("java.lang.invoke.")) {
      return false;
    }
    if (className.startsWith("[")) {
      return true; // arrays: their component type is checked on its own
    }
    for (String p : ALLOWED_PACKAGES) {
      if (className.startsWith(p)) {
        return true;
      }
    }
    return isJobClass(className);
  }

  private boolean isJobClass(String className) {
    try {
      Class<?> c = Class.forName(className, false, loader);
      ClassLoader owner = c.getClassLoader();
      if (strict && owner != loader) {
        return false;
      }
      return owner != null && owner != ClassLoader.getPlatformClassLoader()
          && !className.startsWith("java.") && !className.startsWith("javax.")
          && !className.startsWith("jdk.") && !className.startsWith("sun.");
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
