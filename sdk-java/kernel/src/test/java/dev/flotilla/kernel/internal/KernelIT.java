package dev.flotilla.kernel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.api.Flotilla;
import dev.flotilla.api.ObjectRef;
import dev.flotilla.protocol.kernel.v1.Execute;
import dev.flotilla.protocol.kernel.v1.ExecuteReply;
import dev.flotilla.protocol.kernel.v1.Interrupt;
import dev.flotilla.protocol.kernel.v1.KernelEvent;
import dev.flotilla.protocol.kernel.v1.KernelRequest;
import dev.flotilla.protocol.kernel.v1.Restart;
import dev.flotilla.protocol.kernel.v1.Shutdown;
import dev.flotilla.testing.FlotillaClusterExtension;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A notebook kernel in a real cluster (scheduler + 2 gpu-workers + executor JVMs): the kernel is
 * launched as a task ({@code KernelHost.run}), dials out to a loopback {@code KernelChannel}
 * server standing in for the api-server, and its cells run tasks on the other executors.
 */
class KernelIT {
  private static final String SECRET = "kernel-it-secret";

  @RegisterExtension
  static FlotillaClusterExtension cluster = FlotillaClusterExtension.withWorkers(2).configure(o -> o.cpusPerWorker(4));

  private final AtomicInteger ids = new AtomicInteger();

  @Test
  void kernelInAnExecutor_cellsRunTasksEverywhere_streamInterruptRestartPlotShutdown() throws Exception {
    try (Flotilla fl = cluster.connect(); var channel = new TestingKernelChannel(SECRET)) {
      ObjectRef<String> kernel = fl.task(KernelHost::run, "kernel-it", channel.address(), SECRET).remote();
      channel.await("the kernel's hello", KernelEvent::hasHello);

      String kernelAt = value(channel, "System.getenv(\"FLOTILLA_NODE_ID\") + \"/\" + ProcessHandle.current().pid()");
      assertThat(kernelAt).as("the kernel runs in an executor of a worker").matches("\"[^\"/]+/\\d+\"");

      assertThat(ok(channel, "static int sq(int x) { return x * x; }")).isNotNull();
      String sum = value(channel, """
          var refs = new ArrayList<ObjectRef<Integer>>();
          for (int i = 1; i <= 100; i++) refs.add(fl.task(x -> sq(x), i).remote());
          Progress.get(fl, refs).stream().mapToInt(Integer::intValue).sum()""");
      assertThat(sum).isEqualTo(String.valueOf(java.util.stream.IntStream.rangeClosed(1, 100).map(i -> i * i).sum()));

      String where = value(channel, """
          static String where() {
            long end = System.nanoTime() + 300_000_000L;
            while (System.nanoTime() < end) { }
            return System.getenv("FLOTILLA_NODE_ID") + "/" + ProcessHandle.current().pid();
          }
          var two = TaskOptions.builder().cpus(2).build();
          var w = new ArrayList<ObjectRef<String>>();
          for (int i = 0; i < 8; i++) w.add(fl.task(() -> where()).options(two).remote());
          String.join(",", new TreeSet<>(fl.get(w)))""");
      Set<String> executors = new TreeSet<>(Arrays.asList(where.replace("\"", "").split(",")));
      String kernelExecutor = kernelAt.replace("\"", "");
      String kernelNode = kernelExecutor.substring(0, kernelExecutor.indexOf('/'));
      // An executor JVM may host several tasks, so some may share the kernel's; the point is that
      // cell classes reach executors that never ran JShell, on the other worker too.
      assertThat(executors).as("cell tasks ran in executors of another worker than the kernel's (%s)", kernelExecutor)
          .anyMatch(e -> !e.startsWith(kernelNode + "/"));
      assertThat(executors.stream().map(e -> e.substring(0, e.indexOf('/'))).collect(Collectors.toSet()))
          .as("cell tasks ran on both workers: %s", executors).hasSize(2);

      String printing = send(channel, "for (int i = 0; ; i++) { System.out.println(\"tick \" + i); Thread.sleep(20); }");
      channel.await("tick 3 while the cell runs", e -> e.getRequestId().equals(printing) && e.hasStream()
          && streamed(channel, printing).contains("tick 3"));
      assertThat(channel.of(printing)).noneMatch(KernelEvent::hasExecuteReply);
      interrupt(channel);
      assertThat(reply(channel, printing).getOutcome()).isEqualTo(ExecuteReply.Outcome.INTERRUPTED);

      String spinning = send(channel, "System.out.println(\"spin\");\nwhile (true) { }");
      channel.await("the busy loop started", e -> e.getRequestId().equals(spinning) && e.hasStream());
      interrupt(channel);
      assertThat(reply(channel, spinning).getOutcome()).isEqualTo(ExecuteReply.Outcome.INTERRUPTED);
      assertThat(value(channel, "sq(12)")).as("the kernel kept its state after interrupts").isEqualTo("144");

      ok(channel, "static int sq(int x) { return x * x * x; }");
      assertThat(value(channel, "fl.task(x -> sq(x), 3).remote().get(Duration.ofSeconds(60))"))
          .as("a redefined method runs remotely in its new version").isEqualTo("27");

      String plot = ok(channel, "display(Plot.line(1, 4, 9, 16))");
      List<KernelEvent> svgs = channel.of(plot).stream().filter(KernelEvent::hasDisplay).toList();
      assertThat(svgs).singleElement().satisfies(e -> {
        assertThat(e.getDisplay().getMime()).isEqualTo("image/svg+xml");
        assertThat(e.getDisplay().getData()).startsWith("<svg").contains("<polyline").hasSizeGreaterThan(200);
      });

      String restart = "restart-" + ids.incrementAndGet();
      channel.send(KernelRequest.newBuilder().setRequestId(restart).setRestart(Restart.getDefaultInstance()).build());
      String after = send(channel, "sq(3)");
      assertThat(reply(channel, after).getOutcome()).as("restart forgot sq").isEqualTo(ExecuteReply.Outcome.ERROR);
      assertThat(channel.of(after).stream().filter(KernelEvent::hasError).findFirst().orElseThrow().getError().getMessage())
          .contains("cannot find symbol");

      channel.send(KernelRequest.newBuilder().setRequestId("bye").setShutdown(Shutdown.getDefaultInstance()).build());
      assertThat(kernel.get(Duration.ofSeconds(60))).isEqualTo("shutdown");
    }
  }

  private String send(TestingKernelChannel channel, String code) {
    String id = "cell-" + ids.incrementAndGet();
    channel.send(KernelRequest.newBuilder().setRequestId(id).setExecute(Execute.newBuilder().setCode(code)).build());
    return id;
  }

  private static ExecuteReply reply(TestingKernelChannel channel, String id) {
    return channel.await("the reply to " + id, e -> e.getRequestId().equals(id) && e.hasExecuteReply()).getExecuteReply();
  }

  private String ok(TestingKernelChannel channel, String code) {
    String id = send(channel, code);
    assertThat(reply(channel, id).getOutcome()).as("%s: %s", code, channel.of(id)).isEqualTo(ExecuteReply.Outcome.OK);
    return id;
  }

  private String value(TestingKernelChannel channel, String code) {
    String id = ok(channel, code);
    return channel.of(id).stream().filter(KernelEvent::hasResult).findFirst()
        .orElseThrow(() -> new AssertionError("no value for " + code + ": " + channel.of(id))).getResult().getValue();
  }

  private void interrupt(TestingKernelChannel channel) {
    channel.send(KernelRequest.newBuilder().setRequestId("int-" + ids.incrementAndGet())
        .setInterrupt(Interrupt.getDefaultInstance()).build());
  }

  private static String streamed(TestingKernelChannel channel, String id) {
    return channel.of(id).stream().filter(KernelEvent::hasStream).map(e -> e.getStream().getText())
        .collect(Collectors.joining());
  }
}
