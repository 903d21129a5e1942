package dev.flotilla.runtime.internal.client;

import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import java.util.ArrayList;
import java.util.List;

/**
 * Extra code a thread's submissions carry on top of their connection's code package: a notebook
 * kernel binds the jar of its cells' classes to its thread, so tasks a cell submits run on any
 * worker with those classes. Inherited by threads the bound thread starts.
 */
public final class CodePackageExtension {
  private static final InheritableThreadLocal<CodePackageSource> EXTRA = new InheritableThreadLocal<>();

  private CodePackageExtension() {}

  /** From now on, submissions from this thread (and threads it starts) also carry {@code extra}. */
  public static void bindToCurrentThread(CodePackageSource extra) {
    EXTRA.set(extra);
  }

  /** {@code base} followed by the bound extra's hashes (uploaded first if missing). */
  static List<String> append(List<String> base, DriverServiceGrpc.DriverServiceBlockingStub stub) {
    CodePackageSource extra = EXTRA.get();
    if (extra == null) {
      return base;
    }
    List<String> all = new ArrayList<>(base);
    for (String h : extra.hashes(stub)) {
      if (!all.contains(h)) {
        all.add(h);
      }
    }
    return List.copyOf(all);
  }
}
