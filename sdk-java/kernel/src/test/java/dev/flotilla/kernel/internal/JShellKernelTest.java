package dev.flotilla.kernel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.kernel.internal.CellOutcome.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JShellKernelTest {
  private static JShellKernel kernel;

  @BeforeAll
  static void start() {
    kernel = new JShellKernel(KernelOptions.inThisJvm(null));
  }

  @AfterAll
  static void stop() {
    kernel.close();
  }

  private static RecordingListener run(String cell, Status expected) {
    RecordingListener l = new RecordingListener();
    assertThat(kernel.execute(cell, l).status()).as("outcome of %s: %s", cell, l.events).isEqualTo(expected);
    return l;
  }

  @Test
  void execute_multiSnippetCell_streamsStdoutAndLastValue() {
    RecordingListener l = run("int a = 20;\nint b = 22;\nSystem.out.println(\"sum\");\na + b", Status.OK);
    assertThat(l.stdout()).isEqualTo("sum\n");
    assertThat(l.of(KernelEvent.Result.class)).extracting(KernelEvent.Result::value).containsExactly("42");
  }

  @Test
  void execute_declarationOnly_hasNoResult() {
    RecordingListener l = run("int declaredOnly = 5;", Status.OK);
    assertThat(l.of(KernelEvent.Result.class)).isEmpty();
    assertThat(run("declaredOnly * 2", Status.OK).of(KernelEvent.Result.class))
        .extracting(KernelEvent.Result::value).containsExactly("10");
  }

  @Test
  void execute_stderr_isItsOwnStream() {
    RecordingListener l = run("System.err.print(\"oops\");", Status.OK);
    assertThat(l.of(KernelEvent.Stream.class)).containsExactly(new KernelEvent.Stream("stderr", "oops"));
  }

  @Test
  void execute_compileError_namesTheCellLine() {
    RecordingListener l = run("int ok = 1;\n\nString s = 42;", Status.ERROR);
    KernelEvent.Error e = l.of(KernelEvent.Error.class).getFirst();
    assertThat(e.name()).isEqualTo(KernelEvent.Error.COMPILE_ERROR);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.message()).contains("incompatible types");
  }

  @Test
  void execute_runtimeException_namesTheLineInsideTheCell() {
    RecordingListener l = run("int boom(int x) {\n  int y = x + 1;\n  throw new IllegalStateException(\"bad \" + y);\n}\nboom(1)", Status.ERROR);
    KernelEvent.Error e = l.of(KernelEvent.Error.class).getFirst();
    assertThat(e.name()).isEqualTo("java.lang.IllegalStateException");
    assertThat(e.message()).isEqualTo("bad 2");
    assertThat(e.line()).isEqualTo(3);
  }

  @Test
  void execute_printingLoop_streamsBeforeTheCellEnds() throws Exception {
    RecordingListener l = new RecordingListener();
    CompletableFuture<CellOutcome> cell = CompletableFuture.supplyAsync(() -> kernel.execute(
        "for (int i = 0; i < 1_000_000; i++) { System.out.println(\"tick \" + i); Thread.sleep(5); }", l));
    awaitUntil(() -> l.stdout().contains("tick 2"), "three ticks printed while the cell runs");
    assertThat(cell).isNotDone();
    kernel.interrupt();
    assertThat(cell.get(10, TimeUnit.SECONDS).status()).isEqualTo(Status.INTERRUPTED);
  }

  @Test
  void interrupt_busyLoop_kernelStaysUsable() throws Exception {
    run("int keep = 7;", Status.OK);
    RecordingListener l = new RecordingListener();
    CompletableFuture<CellOutcome> cell = CompletableFuture.supplyAsync(() -> kernel.execute(
        "System.out.println(\"spinning\");\nlong n = 0;\nwhile (true) { n++; }", l));
    awaitUntil(() -> l.stdout().contains("spinning"), "the busy cell started");
    kernel.interrupt();
    assertThat(cell.get(10, TimeUnit.SECONDS).status()).isEqualTo(Status.INTERRUPTED);
    assertThat(l.of(KernelEvent.Error.class)).extracting(KernelEvent.Error::name)
        .containsExactly(KernelEvent.Error.INTERRUPTED);
    assertThat(run("keep + 1", Status.OK).of(KernelEvent.Result.class))
        .extracting(KernelEvent.Result::value).containsExactly("8");
  }

  @Test
  void execute_displayAndPlot_sendRichOutputs() {
    RecordingListener l = run("display(Table.columns(\"k\", \"v\").row(\"<a>\", 1));\nPlot.line(1, 4, 9)", Status.OK);
    var displays = l.of(KernelEvent.Display.class);
    assertThat(displays).extracting(d -> d.data().mime()).containsExactly("text/html", "image/svg+xml");
    assertThat(displays.get(0).data().data()).contains("&lt;a&gt;").doesNotContain("<a>");
    assertThat(displays.get(1).data().data()).startsWith("<svg").contains("<polyline");
    assertThat(l.of(KernelEvent.Result.class)).isEmpty();
  }

  @Test
  void execute_threadStartedByCell_outputReachesTheCell() {
    RecordingListener l = run("var t = new Thread(() -> System.out.println(\"from thread\"));\nt.start();\nt.join();", Status.OK);
    assertThat(l.stdout()).isEqualTo("from thread\n");
  }

  @Test
  void complete_and_documentation_comeFromJShell() {
    run("String greeting = \"hi\";", Status.OK);
    Completions c = kernel.complete("greeting.toUpp", 14);
    assertThat(c.items()).contains("toUpperCase(");
    assertThat(c.anchor()).isEqualTo(9);
    assertThat(kernel.documentation("Math.max(", 9)).anyMatch(d -> d.contains("max(int"));
    assertThat(kernel.complete("x", 99).items()).as("a cursor past the end answers nothing").isEmpty();
  }

  @Test
  void classes_methodDefinedInCell_isCapturedAndRedefinitionChangesTheVersion() {
    run("static int captured(int x) { return x * x; }", Status.OK);
    long v1 = kernel.classes().version();
    assertThat(kernel.classes().snapshot().keySet()).anyMatch(n -> n.startsWith("REPL.$JShell$"));
    run("static int captured(int x) { return x * x * x; }", Status.OK);
    assertThat(kernel.classes().version()).isGreaterThan(v1);
    assertThat(run("captured(2)", Status.OK).of(KernelEvent.Result.class))
        .extracting(KernelEvent.Result::value).containsExactly("8");
  }

  private static void awaitUntil(java.util.function.BooleanSupplier condition, String what) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("timed out waiting until %s", what).isBefore(deadline);
      Thread.onSpinWait();
    }
  }
}
