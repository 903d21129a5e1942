package dev.flotilla.kernel.internal;

import dev.flotilla.kernel.Displayable;
import dev.flotilla.runtime.internal.client.CodePackageExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.VarSnippet;

/**
 * One notebook kernel: a JShell whose cells run in this JVM on a dedicated thread, with every
 * class they define captured ({@link #classes()}).
 *
 * <p>Threading: {@link #execute} runs one cell at a time (callers queue); {@link #interrupt} may be
 * called from any thread while a cell runs; listeners are called from the kernel thread and from
 * any thread the cell started, so they must be thread-safe.
 */
public final class JShellKernel implements AutoCloseable {
  private static final List<String> PRELUDE = List.of(
      "import java.util.*;",
      "import java.util.stream.*;",
      "import java.time.*;",
      "import dev.flotilla.api.*;",
      "import dev.flotilla.kernel.*;",
      "import static dev.flotilla.kernel.Display.display;");

  private final KernelOptions options;
  private final ClassCapture capture = new ClassCapture();
  private final ReplCodePackage codePackage;
  private final CellContext context;
  private final ExecutorService thread;
  private final AtomicBoolean interrupted = new AtomicBoolean();
  private static final Duration STOP_RETRY = Duration.ofMillis(50);
  private volatile JShell shell;
  private volatile boolean busy;
  private final AtomicLong cellSequence = new AtomicLong();
  private int executionCount;

  public JShellKernel(KernelOptions options) {
    this.options = options;
    this.context = new CellContext(options.flotilla());
    CellStreams.install();
    this.codePackage = new ReplCodePackage(capture, options.workDir());
    this.thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(() -> {
        context.bindCurrentThread();
        CodePackageExtension.bindToCurrentThread(codePackage);
        r.run();
      }, "flotilla-kernel");
      t.setDaemon(true);
      return t;
    });
    onKernelThread(this::startShell);
  }

  /**
   * Runs a cell, streaming what it produces to {@code listener}, and returns when it ended. Blocks.
   */
  public CellOutcome execute(String cell, Consumer<KernelEvent> listener) {
    return onKernelThread(() -> {
      interrupted.set(false);
      context.listener(listener);
      cellSequence.incrementAndGet();
      busy = true;
      try {
        executionCount++;
        return new CellOutcome(run(cell, listener), executionCount);
      } finally {
        busy = false;
        System.out.flush();
        context.listener(null);
      }
    });
  }

  /**
   * Stops the running cell, if any; the kernel and its state stay. Does not block. JShell can stop
   * only code that runs (not a snippet being compiled), so the stop is repeated until the cell ends.
   */
  public void interrupt() {
    if (!busy || !interrupted.compareAndSet(false, true)) {
      return;
    }
    long cell = cellSequence.get();
    Thread.ofVirtual().name("kernel-interrupt").start(() -> {
      while (busy && cellSequence.get() == cell) {
        JShell s = shell;
        if (s != null) {
          s.stop();
        }
        LockSupport.parkNanos(STOP_RETRY.toNanos());
      }
    });
  }

  /** Discards every definition and captured class, as a fresh kernel. Blocks until done. */
  public void restart() {
    interrupt();
    onKernelThread(() -> {
      shell.close();
      capture.clear();
      executionCount = 0;
      startShell();
      return null;
    });
  }

  /**
   * Completions at {@code cursor} in {@code code}; none when the analysis fails. Runs alongside a
   * running cell.
   */
  public Completions complete(String code, int cursor) {
    int[] anchor = {cursor};
    List<String> items = new ArrayList<>();
    try {
      for (SourceCodeAnalysis.Suggestion s : shell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor)) {
        if (!items.contains(s.continuation())) {
          items.add(s.continuation());
        }
      }
    } catch (RuntimeException analysisFailed) {
      return new Completions(cursor, cursor, List.of());
    }
    return new Completions(anchor[0], cursor, items);
  }

  /** Signatures and javadoc of what is at {@code cursor} in {@code code}; none when the analysis fails. */
  public List<String> documentation(String code, int cursor) {
    List<String> docs = new ArrayList<>();
    try {
      for (SourceCodeAnalysis.Documentation d : shell.sourceCodeAnalysis().documentation(code, cursor, true)) {
        docs.add(d.javadoc() == null || d.javadoc().isBlank() ? d.signature() : d.signature() + "\n" + d.javadoc());
      }
    } catch (RuntimeException analysisFailed) {
      return List.of();
    }
    return docs;
  }

  /** The jar of the classes captured now (what tasks from cells carry); null before any. */
  ReplJar.Written currentJar() {
    return codePackage.current();
  }

  /** The classes the cells of this generation defined. */
  public ClassCapture classes() {
    return capture;
  }

  @Override
  public void close() {
    interrupt();
    thread.submit(() -> shell.close());
    thread.shutdown();
  }

  private Void startShell() {
    shell = JShell.builder()
        .executionEngine(new CapturingExecutionControlProvider(options.parent(), capture), Map.of())
        .compilerOptions("--class-path", options.classPath())
        .build();
    List<String> startup = new ArrayList<>(PRELUDE);
    if (options.flotilla() != null) {
      startup.add("dev.flotilla.api.Flotilla fl = dev.flotilla.kernel.Notebook.flotilla();");
    }
    for (String s : startup) {
      for (SnippetEvent e : shell.eval(s)) {
        if (e.status() == Snippet.Status.REJECTED || e.exception() != null) {
          throw new IllegalStateException("kernel prelude failed at '" + s + "': "
              + (e.exception() != null ? e.exception().getMessage() : diagnostics(e.snippet())));
        }
      }
    }
    return null;
  }

  private CellOutcome.Status run(String cell, Consumer<KernelEvent> listener) {
    List<CellSplitter.Piece> pieces = CellSplitter.split(shell.sourceCodeAnalysis(), cell);
    Map<String, Integer> firstLines = new HashMap<>();
    for (int i = 0; i < pieces.size(); i++) {
      CellSplitter.Piece piece = pieces.get(i);
      SnippetEvent main = null;
      if (interrupted.get()) {
        return interruptedAt(cell, piece, listener);
      }
      for (SnippetEvent e : shell.eval(piece.source())) {
        if (e.causeSnippet() == null) {
          main = e;
          firstLines.put(e.snippet().id(), CellSplitter.lineOf(cell, piece.cellOffset()));
        }
      }
      if (interrupted.get()) {
        return interruptedAt(cell, piece, listener);
      }
      if (main == null) {
        continue;
      }
      if (main.status() == Snippet.Status.REJECTED) {
        listener.accept(CellErrors.compile(cell, piece, shell.diagnostics(main.snippet()).toList()));
        return CellOutcome.Status.ERROR;
      }
      if (main.exception() != null) {
        listener.accept(CellErrors.runtime(main.exception(), new CellErrors.SnippetLines(cell, firstLines)));
        return CellOutcome.Status.ERROR;
      }
      if (i == pieces.size() - 1) {
        showValue(main, listener);
      }
    }
    return CellOutcome.Status.OK;
  }

  private static CellOutcome.Status interruptedAt(String cell, CellSplitter.Piece piece, Consumer<KernelEvent> listener) {
    listener.accept(new KernelEvent.Error(KernelEvent.Error.INTERRUPTED, "the cell was interrupted",
        CellSplitter.lineOf(cell, piece.cellOffset()), List.of()));
    return CellOutcome.Status.INTERRUPTED;
  }

  private void showValue(SnippetEvent main, Consumer<KernelEvent> listener) {
    boolean isValue = main.snippet() instanceof ExpressionSnippet
        || main.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    if (!isValue || main.value() == null) {
      return;
    }
    if (main.snippet() instanceof VarSnippet v && isDisplayable(v.typeName())) {
      shell.eval("dev.flotilla.kernel.Display.display(" + v.name() + ");");
      return;
    }
    listener.accept(new KernelEvent.Result(main.value()));
  }

  private boolean isDisplayable(String typeName) {
    for (String candidate : List.of(typeName, "dev.flotilla.kernel." + typeName)) {
      try {
        if (Displayable.class.isAssignableFrom(Class.forName(candidate, false, options.parent()))) {
          return true;
        }
      } catch (ClassNotFoundException | LinkageError e) {
        // not a class the kernel knows: shown as text
      }
    }
    return false;
  }

  private String diagnostics(Snippet s) {
    return String.join("; ", shell.diagnostics(s).map(d -> d.getMessage(null)).toList());
  }

  private <T> T onKernelThread(java.util.concurrent.Callable<T> work) {
    try {
      return thread.submit(work).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the kernel", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

}
