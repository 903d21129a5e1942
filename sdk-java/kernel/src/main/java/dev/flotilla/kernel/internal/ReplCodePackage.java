package dev.flotilla.kernel.internal;

import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import dev.flotilla.runtime.internal.client.CodePackageSource;
import dev.flotilla.runtime.internal.client.DriverCodePackage;
import dev.flotilla.runtime.internal.codepackage.CodeBlob;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's growing code package: one jar of every class the cells defined so far, rebuilt and
 * uploaded as a new content-addressed blob whenever the captured classes change (a new cell
 * class, a redefined method). Executors resolve {@code REPL.*} from it like any job class.
 * Thread-safe.
 */
final class ReplCodePackage implements CodePackageSource {
  private final ClassCapture capture;
  private final Path workDir;
  private long builtVersion = -1;
  private ReplJar.Written built;
  private List<String> uploaded = List.of();

  ReplCodePackage(ClassCapture capture, Path workDir) {
    this.capture = capture;
    this.workDir = workDir;
  }

  /** The jar for the classes captured now; null when no cell defined a class yet. */
  synchronized ReplJar.Written current() {
    long v = capture.version();
    if (v != builtVersion) {
      var classes = capture.snapshot();
      built = classes.isEmpty() ? null : ReplJar.write(classes, workDir);
      builtVersion = v;
      uploaded = List.of();
    }
    return built;
  }

  @Override
  public synchronized List<String> hashes(DriverServiceGrpc.DriverServiceBlockingStub stub) {
    ReplJar.Written jar = current();
    if (jar == null) {
      return List.of();
    }
    if (uploaded.isEmpty()) {
      uploaded = DriverCodePackage.upload(stub, List.of(new CodeBlob(jar.hash(), jar.file(), jar.file(), jar.size())));
    }
    return uploaded;
  }
}
