package dev.flotilla.apiserver.launch;

/**
 * A static method of the SDK runtime that a launch runs, named as the executor finds it: class,
 * method and JVM method descriptor, e.g. {@code ("dev.flotilla.runtime.internal.jobs.JobDriver",
 * "run", "(Ljava/lang/String;[Ljava/lang/String;)Ljava/lang/String;")}. Its parameters are
 * {@code String} or {@code String[]} only.
 */
public record Entrypoint(String className, String methodName, String descriptor) {
  public Entrypoint {
    if (className == null || className.isBlank() || methodName == null || methodName.isBlank()
        || descriptor == null || !descriptor.startsWith("(")) {
      throw new IllegalArgumentException("an entrypoint needs a class, a method and a method descriptor");
    }
  }
}
