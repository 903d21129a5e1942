package dev.flotilla.bench;

import dev.flotilla.bench.pekko.PekkoClient;
import dev.flotilla.bench.pekko.PingPong;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Apache Pekko peer of {@link ActorBenchmarks}' 1:1 figures: this JVM asks an actor in a
 * {@code PekkoServer} JVM it starts, over Artery TCP on loopback, one ask at a time ("sync") and
 * {@code --async-batch} asks outstanding ("async"), with the same rounds as every suite. The server
 * runs with this JVM's flags. Writes {@code pekko-<time>.md|csv} under {@code --out-dir}; {@code
 * bench/run-actors.sh} runs it in each run beside {@link ActorBenchmarks}.
 */
public final class PekkoBenchmarks {
  static final String ASK_SYNC = "Pekko 1:1 ask sync";
  static final String ASK_ASYNC = "Pekko 1:1 ask async";
  static final List<String> KEYS = List.of("ask-sync", "ask-async");
  static final BenchArgs.Suite SUITE = new BenchArgs.Suite("PekkoBenchmarks", KEYS, Map.of("async-batch", "1000"));

  private PekkoBenchmarks() {}

  public static void main(String[] argv) throws Exception {
    BenchArgs args = SuiteRunner.parseOrExit(argv, SUITE);
    PrintStream log = System.err;
    String date = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    double loadBefore = MachineInfo.loadAverage();
    List<String> flags = ManagementFactory.getRuntimeMXBean().getInputArguments();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<Measurement> results = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> jvmFlags;
    String target;
    try (var client = PekkoClient.start(java, flags, System.getProperty("java.class.path"),
        args.workDir().resolve("logs/pekko-server.log"))) {
      target = "Apache Pekko typed actors with remoting over Artery TCP on loopback: this JVM (\"driver\") asks the actor of a"
          + " server JVM (\"pekko server\", pid " + client.serverProcess().pid() + ", " + client.serverAddress() + ")";
      var processes = new ClusterProcesses(null, List.of(new ClusterProcesses.Peer("pekko server", client.serverProcess())));
      var rounds = new Rounds(args.rounds(), processes, log);
      int batch = args.intOption("async-batch");
      SuiteRunner.check(PingPong.Pong.OK.equals(client.askSync()), "the Pekko server did not answer \"ok\"");
      SuiteRunner.prewarm(args, notes, log, "asks (per chunk: 1,000 outstanding, then 20 one at a time)", () -> {
        try {
          client.askAsync(1000);
          for (int i = 0; i < 20; i++) {
            client.askSync();
          }
        } catch (Exception e) {
          throw new IllegalStateException("a pre-warm ask failed", e);
        }
        return 1020;
      });
      if (args.runs("ask-sync")) {
        results.add(rounds.measure(ASK_SYNC, "calls", 1, client::askSync, () -> {}));
      }
      if (args.runs("ask-async")) {
        results.add(rounds.measure(ASK_ASYNC, "calls", batch, () -> client.askAsync(batch), () -> {}));
      }
      // The server's command line is too long for ProcessHandle.Info (its class path), so say what it was given.
      jvmFlags = List.of(processes.jvmFlags().getFirst(), "pekko server: " + String.join(" ", flags));
    }
    notes.add("messages: Ping(replyTo) and Pong(\"ok\"), serialized by PingPongSerializer (the reply-to path, a UTF-8 string)");
    var ctx = new Report.Context("Apache Pekko peer", date, SuiteRunner.command(argv, SUITE), MachineInfo.current(), target,
        args.describeRounds(), jvmFlags, loadBefore, MachineInfo.loadAverage(), notes);
    Report.writeSuite(args.outDir(), "pekko", results, ctx);
  }
}
