package dev.flotilla.kernel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.kernel.internal.CellOutcome.Status;
import org.junit.jupiter.api.Test;

class JShellKernelRestartTest {
  @Test
  void restart_discardsDefinitionsAndCapturedClasses() {
    try (JShellKernel kernel = new JShellKernel(KernelOptions.inThisJvm(null))) {
      RecordingListener l = new RecordingListener();
      assertThat(kernel.execute("static int gone() { return 1; }", l).executionCount()).isEqualTo(1);
      assertThat(kernel.classes().snapshot()).isNotEmpty();
      kernel.restart();
      assertThat(kernel.classes().snapshot()).isEmpty();
      RecordingListener after = new RecordingListener();
      CellOutcome o = kernel.execute("gone()", after);
      assertThat(o).isEqualTo(new CellOutcome(Status.ERROR, 1));
      assertThat(after.of(KernelEvent.Error.class).getFirst().message()).contains("cannot find symbol");
    }
  }
}
