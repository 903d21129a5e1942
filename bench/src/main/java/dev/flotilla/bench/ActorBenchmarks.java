package dev.flotilla.bench;

import dev.flotilla.api.ActorHandle;
import dev.flotilla.api.ActorOptions;
import dev.flotilla.api.Bundle;
import dev.flotilla.api.Flotilla;
import dev.flotilla.api.ObjectRef;
import dev.flotilla.api.PlacementGroup;
import dev.flotilla.api.PlacementStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flotilla's actor microbenchmarks in the shape of Ray's ({@code ray/_private/ray_perf.py}): 1:1
 * actor calls sync and async, n:n actor calls async, and placement group create/removal. Actors
 * take no CPU ({@code cpus(0)}), as Ray's benchmark {@code Actor} has {@code num_cpus=0}. Starts a
 * local cluster unless {@code FLOTILLA_ADDRESS} names one; its Pekko peer is {@link
 * PekkoBenchmarks}, run by {@code bench/run-actors.sh} in the same run.
 */
public final class ActorBenchmarks {
  static final String ACTOR_SYNC = "1:1 actor calls sync";
  static final String ACTOR_ASYNC = "1:1 actor calls async";
  static final String ACTOR_NN = "n:n actor calls async";
  static final String PG_CREATE_REMOVE = "placement group create/removal";
  static final List<String> KEYS = List.of("actor-sync", "actor-async", "actor-nn", "pg");

  /** Each 1:1 figure beside the Pekko figure that does the same with Pekko, in the same run. */
  static final Map<String, String> PEKKO_PEERS = Map.of(
      ACTOR_SYNC, PekkoBenchmarks.ASK_SYNC,
      ACTOR_ASYNC, PekkoBenchmarks.ASK_ASYNC);

  private static final Map<String, String> OPTIONS = new LinkedHashMap<>();

  static {
    OPTIONS.put("async-batch", "1000");
    OPTIONS.put("nn-actors", "2");
    OPTIONS.put("nn-callers", "4");
    OPTIONS.put("nn-calls", "1000");
    OPTIONS.put("pg-batch", "100");
  }

  static final BenchArgs.Suite SUITE = new BenchArgs.Suite("ActorBenchmarks", KEYS, OPTIONS);

  /** The custom resource the placement groups reserve, as Ray's benchmark reserves {@code custom}. */
  private static final String PG_RESOURCE = "bench";

  private static final ActorOptions NO_CPU = ActorOptions.builder().cpus(0).build();
  private static final Duration READY = Duration.ofSeconds(120);

  private final SuiteRunner.Env env;
  private final Flotilla fl;
  private final BenchArgs args;

  private ActorBenchmarks(SuiteRunner.Env env) {
    this.env = env;
    this.fl = env.fl();
    this.args = env.args();
  }

  public static void main(String[] argv) throws Exception {
    SuiteRunner.main(argv, SUITE, "Flotilla actor microbenchmarks", "actors",
        options -> options.resourcesPerWorker(PG_RESOURCE + "=100"), env -> new ActorBenchmarks(env).runAll());
  }

  private List<Measurement> runAll() throws Exception {
    Runnable none = () -> {};
    Rounds rounds = env.rounds();
    int batch = args.intOption("async-batch");
    ActorHandle<BenchActor> one = newActor();
    List<ActorHandle<BenchActor>> many = new ArrayList<>();
    for (int i = 0; i < args.intOption("nn-actors"); i++) {
      many.add(newActor());
    }
    SuiteRunner.check("ok".equals(one.task(BenchActor::ok).remote().get()), "an actor call returned something other than \"ok\"");
    prewarm(one, many);
    List<Measurement> out = new ArrayList<>();
    if (args.runs("actor-sync")) {
      out.add(rounds.measure(ACTOR_SYNC, "calls", 1, () -> one.task(BenchActor::ok).remote().get(), none));
    }
    if (args.runs("actor-async")) {
      out.add(rounds.measure(ACTOR_ASYNC, "calls", batch, () -> asyncCalls(one, batch), none));
    }
    int callers = args.intOption("nn-callers");
    int calls = args.intOption("nn-calls");
    if (args.runs("actor-nn")) {
      out.add(rounds.measure(ACTOR_NN, "calls", (double) callers * calls, () -> nnCalls(many, callers, calls), none));
      env.notes().add(ACTOR_NN + ": each operation is " + callers + " caller tasks (1 CPU each), each submitting " + calls
          + " calls round-robin over " + many.size() + " actors (cpus 0) and getting them; counts " + callers * calls
          + " calls (Ray: 4 tasks × 5,000 calls over cpu_count/2 actors, i.e. 32 actors on its 64 vCPUs)");
    }
    if (args.runs("pg")) {
      int pgs = args.intOption("pg-batch");
      out.add(rounds.measure(PG_CREATE_REMOVE, "groups", pgs, () -> createAndRemove(pgs), none));
      env.notes().add(PG_CREATE_REMOVE + ": each operation creates " + pgs + " placement groups of one bundle {"
          + PG_RESOURCE + ": 0.001} (PACK), waits until each is ready, then removes each; counts " + pgs
          + " (Ray: the same with 100 groups of {custom: 0.001})");
    }
    env.notes().add("the 1:1 figures share one actor (created before the pre-warm, so its executor is warm); Ray creates a fresh one per figure");
    return out;
  }

  private ActorHandle<BenchActor> newActor() {
    ActorHandle<BenchActor> a = fl.actor(BenchActor::new).options(NO_CPU).remote();
    a.ready(READY);
    return a;
  }

  private void asyncCalls(ActorHandle<BenchActor> actor, int n) {
    List<ObjectRef<String>> refs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      refs.add(actor.task(BenchActor::ok).remote());
    }
    fl.get(refs);
  }

  private void nnCalls(List<ActorHandle<BenchActor>> actors, int callers, int calls) {
    List<ObjectRef<Integer>> refs = new ArrayList<>(callers);
    for (int i = 0; i < callers; i++) {
      refs.add(fl.task(BenchFns::callActors, actors, calls).remote());
    }
    for (int made : fl.get(refs)) {
      SuiteRunner.check(made == calls, "a caller task made " + made + " calls, not " + calls);
    }
  }

  private void createAndRemove(int n) {
    List<PlacementGroup> pgs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      pgs.add(fl.placementGroup(List.of(Bundle.of(Map.of(PG_RESOURCE, 0.001))), PlacementStrategy.PACK));
    }
    for (PlacementGroup pg : pgs) {
      pg.ready(Duration.ofSeconds(30));
    }
    for (PlacementGroup pg : pgs) {
      fl.removePlacementGroup(pg);
    }
  }

  /** Warms the call path of the driver, scheduler, workers and every actor's executor. */
  private void prewarm(ActorHandle<BenchActor> one, List<ActorHandle<BenchActor>> many) {
    int batch = Math.min(args.intOption("async-batch"), 1000);
    int callers = args.intOption("nn-callers");
    int calls = Math.min(args.intOption("nn-calls"), 250);
    SuiteRunner.prewarm(args, env.notes(), env.log(), "actor calls (per chunk: 1,000 async and 20 sync 1:1 calls, one n:n operation of up to 250 calls a caller, 10 placement groups)", () -> {
      asyncCalls(one, batch);
      for (int i = 0; i < 20; i++) {
        one.task(BenchActor::ok).remote().get();
      }
      nnCalls(many, callers, calls);
      createAndRemove(10);
      return batch + 20 + (long) callers * calls;
    });
  }
}
