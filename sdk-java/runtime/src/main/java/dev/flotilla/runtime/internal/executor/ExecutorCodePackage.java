package dev.flotilla.runtime.internal.executor;

import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import dev.flotilla.runtime.internal.client.CodePackageSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Nested tasks carry the code package of the task that submits them: its blobs are cached on
 * this node as {@code <hash>.jar}, so the hashes are the file names.
 */
final class ExecutorCodePackage implements CodePackageSource {
  private static final InheritableThreadLocal<List<String>> CURRENT = new InheritableThreadLocal<>();

  static void set(List<String> codePaths) {
    List<String> hashes = new ArrayList<>(codePaths.size());
    for (String p : codePaths) {
      String name = Path.of(p).getFileName().toString();
      hashes.add(name.endsWith(".jar") ? name.substring(0, name.length() - 4) : name);
    }
    CURRENT.set(List.copyOf(hashes));
  }

  static void clear() {
    CURRENT.remove();
  }

  @Override
  public List<String> hashes(DriverServiceGrpc.DriverServiceBlockingStub stub) {
    List<String> h = CURRENT.get();
    if (h == null) {
      throw new IllegalStateException("Nested tasks can only be submitted from inside a task");
    }
    return h;
  }
}
