package dev.flotilla.kernel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.kernel.internal.CellOutcome.Status;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReplJarTest {
  @Test
  void currentJar_cellMethod_loadsAndRunsFromTheJarInAFreshLoader() throws Exception {
    try (JShellKernel kernel = new JShellKernel(KernelOptions.inThisJvm(null))) {
      assertThat(kernel.currentJar()).isNull();
      assertThat(kernel.execute("static int sq(int x) { return x * x; }", new RecordingListener()).status())
          .isEqualTo(Status.OK);
      ReplJar.Written jar = kernel.currentJar();
      assertThat(jar.file().getFileName().toString()).isEqualTo(jar.hash() + ".jar");
      assertThat(Files.size(jar.file())).isEqualTo(jar.size());
      String owner = kernel.classes().snapshot().keySet().stream().filter(n -> n.startsWith("REPL.$JShell$")).findFirst().orElseThrow();
      // An executor's job loader: the jar over the platform classes, nothing of the kernel's JShell.
      try (var loader = new URLClassLoader(new URL[] {jar.file().toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
        Class<?> c = Class.forName(owner, true, loader);
        assertThat(c.getClassLoader()).isSameAs(loader);
        Method sq = Arrays.stream(c.getDeclaredMethods()).filter(m -> m.getName().equals("sq")).findFirst().orElseThrow();
        sq.setAccessible(true);
        assertThat(sq.invoke(null, 12)).isEqualTo(144);
      }
    }
  }

  @Test
  void currentJar_sameClasses_sameHash_redefinitionNewHash() {
    try (JShellKernel kernel = new JShellKernel(KernelOptions.inThisJvm(null))) {
      kernel.execute("static int f() { return 1; }", new RecordingListener());
      ReplJar.Written first = kernel.currentJar();
      assertThat(ReplJar.bytes(kernel.classes().snapshot())).isEqualTo(ReplJar.bytes(kernel.classes().snapshot()));
      assertThat(kernel.currentJar()).isEqualTo(first);
      kernel.execute("static int f() { return 2; }", new RecordingListener());
      assertThat(kernel.currentJar().hash()).isNotEqualTo(first.hash());
    }
  }
}
