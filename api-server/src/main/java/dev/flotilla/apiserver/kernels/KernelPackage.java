package dev.flotilla.apiserver.kernels;

import dev.flotilla.apiserver.launch.Blob;
import dev.flotilla.kernel.internal.KernelHost;
import dev.flotilla.runtime.internal.codepackage.CodeBlob;
import dev.flotilla.runtime.internal.codepackage.CodePackager;
import dev.flotilla.runtime.internal.codepackage.RuntimeClasspath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The code package a kernel runs from: the SDK kernel module (a jar, or its classes directory in a
 * development build, packed deterministically), found where this api-server loaded it from. The
 * rest of what a kernel needs (the SDK runtime and API, the JDK's jdk.jshell) is on every
 * executor's class path already. Computed once.
 */
final class KernelPackage {
  private static volatile List<Blob> blobs;

  private KernelPackage() {}

  static List<Blob> blobs() {
    List<Blob> b = blobs;
    if (b == null) {
      synchronized (KernelPackage.class) {
        if (blobs == null) {
          blobs = load();
        }
        b = blobs;
      }
    }
    return b;
  }

  private static List<Blob> load() {
    try {
      Path location = Path.of(KernelHost.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      var packer = new CodePackager(RuntimeClasspath.get(), Path.of(System.getProperty("java.io.tmpdir"), "flotilla-kernel-package"));
      List<Blob> out = new ArrayList<>();
      for (CodeBlob c : packer.pack(List.of(location))) {
        out.add(new Blob(c.hash(), Files.readAllBytes(c.file())));
      }
      if (out.isEmpty()) {
        throw new IllegalStateException("the kernel module at " + location + " gave no code package");
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the kernel module's code", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
