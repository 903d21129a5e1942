package dev.flotilla.bench;

import dev.flotilla.api.Flotilla;
import dev.flotilla.api.ObjectRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Flotilla's core microbenchmarks in the shape of Ray's {@code ray microbenchmark}: one client
 * thread submitting no-op tasks one at a time and in batches, putting small objects, getting a put
 * object, and putting large byte arrays. Starts a local cluster (scheduler and workers as OS
 * processes) unless {@code FLOTILLA_ADDRESS} names one. Prints a table and writes a markdown
 * fragment and a CSV under {@code --out-dir}. Run it with {@code bench/run-core.sh}.
 */
public final class CoreBenchmarks {
  static final String TASKS_SYNC = "single client tasks sync";
  static final String TASKS_ASYNC = "single client tasks async";
  static final String PUT_CALLS = "single client put calls";
  static final String GET_CALLS = "single client get calls";
  static final String PUT_GB = "single client put gigabytes";
  static final String GET_GB = "single client get gigabytes";
  static final List<String> KEYS = List.of("tasks-sync", "tasks-async", "put-calls", "get-calls", "put-gb", "get-gb");

  static final BenchArgs.Suite SUITE = new BenchArgs.Suite("CoreBenchmarks", KEYS,
      Map.of("async-batch", "1000", "large-mib", "64"));

  private final BenchArgs args;
  private final Flotilla fl;
  private final Rounds rounds;
  private final StoreDrain drain;
  private final List<String> notes;
  private final SuiteRunner.Env env;

  private CoreBenchmarks(SuiteRunner.Env env, StoreDrain drain) {
    this.args = env.args();
    this.fl = env.fl();
    this.rounds = env.rounds();
    this.drain = drain;
    this.notes = env.notes();
    this.env = env;
  }

  public static void main(String[] argv) throws Exception {
    SuiteRunner.main(argv, SUITE, "Flotilla core microbenchmarks", "core", options -> {}, env -> {
      try (var drain = new StoreDrain(env.cluster(), 1L << 20, Duration.ofSeconds(20), env.log())) {
        List<Measurement> results = new CoreBenchmarks(env, drain).runAll();
        if (drain.timeouts() > 0) {
          env.notes().add("the object stores did not drain before " + drain.timeouts() + " round(s) of large puts/gets");
        }
        return results;
      }
    });
  }

  private List<Measurement> runAll() throws Exception {
    List<Measurement> out = new ArrayList<>();
    Runnable none = () -> {};
    prewarm();
    if (args.runs("tasks-sync")) {
      SuiteRunner.check("ok".equals(fl.task(BenchFns::ok).remote().get()), "a task returned something other than \"ok\"");
      out.add(rounds.measure(TASKS_SYNC, "tasks", 1, () -> fl.task(BenchFns::ok).remote().get(), none));
    }
    if (args.runs("tasks-async")) {
      int n = args.intOption("async-batch");
      out.add(rounds.measure(TASKS_ASYNC, "tasks", n, () -> {
        List<ObjectRef<String>> refs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          refs.add(fl.task(BenchFns::ok).remote());
        }
        fl.get(refs);
      }, none));
    }
    if (args.runs("put-calls")) {
      out.add(rounds.measure(PUT_CALLS, "calls", 1, () -> fl.put(0), none));
    }
    if (args.runs("get-calls")) {
      ObjectRef<Integer> small = fl.put(0);
      SuiteRunner.check(small.get() == 0, "a put 0 came back as something else");
      out.add(rounds.measure(GET_CALLS, "calls", 1, small::get, none));
    }
    if (args.runs("put-gb") || args.runs("get-gb")) {
      byte[] data = new byte[args.intOption("large-mib") << 20];
      new Random(42).nextBytes(data);
      double gb = data.length / 1e9;
      if (args.runs("put-gb")) {
        drain.markBaseline();
        out.add(rounds.measure(PUT_GB, "GB", gb, () -> fl.put(data), drain));
      }
      if (args.runs("get-gb")) {
        ObjectRef<byte[]> big = fl.put(data);
        SuiteRunner.check(Arrays.equals(big.get(), data), "a " + args.intOption("large-mib") + " MiB put came back different");
        drain.markBaseline();
        out.add(rounds.measure(GET_GB, "GB", gb, big::get, drain));
        notes.add(GET_GB + " is not one of Ray's figures: it gets one " + args.intOption("large-mib")
            + " MiB object the driver put (not cached in the driver, so each get streams it from the worker's store)");
      }
    }
    return out;
  }

  /**
   * Runs the task and small-object paths of every process before any figure, until {@code
   * --prewarm-ops} tasks and as many small puts are done or {@code --prewarm-ms} has passed: at a
   * few dozen sync tasks a second, a figure's own warm-up would take minutes to get the
   * scheduler's, workers' and executors' hot paths compiled.
   */
  private void prewarm() {
    int batch = Math.min(args.intOption("async-batch"), 1000);
    SuiteRunner.prewarm(args, env.notes(), env.log(), "tasks and about as many small puts", () -> {
      List<ObjectRef<String>> refs = new ArrayList<>(batch);
      for (int i = 0; i < batch; i++) {
        refs.add(fl.task(BenchFns::ok).remote());
      }
      fl.get(refs);
      for (int i = 0; i < 20; i++) {
        fl.task(BenchFns::ok).remote().get();
      }
      for (int i = 0; i < batch; i++) {
        fl.put(i);
      }
      return batch + 20;
    });
  }
}
