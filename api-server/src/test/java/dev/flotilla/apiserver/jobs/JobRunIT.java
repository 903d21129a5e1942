package dev.flotilla.apiserver.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItAwait;
import dev.flotilla.apiserver.ItTokens;
import dev.flotilla.apiserver.ItWorld;
import dev.flotilla.apiserver.TestJars;
import dev.flotilla.apiserver.api.JobUploads;
import dev.flotilla.apiserver.edge.EdgeCluster;
import dev.flotilla.deploy.jobcli.JobCli;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * REST jobs really run: a jar compiled here is submitted over REST and runs on a real scheduler
 * and gpu-worker through the SDK's JobDriver, which dials back to the api-server; its output is
 * the job's log, its nested tasks run in the same scheduler job, and its end is the job's state.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
@QuarkusTestResource(value = EdgeCluster.class, restrictToAnnotatedClass = true)
class JobRunIT {
  @jakarta.inject.Inject JobRunner runner;

  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);
  private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "STOPPED");
  private static final byte[] JAR = TestJars.compile(Map.of(
      "demo.SumSquares", """
          package demo;

          import dev.flotilla.api.Flotilla;
          import dev.flotilla.api.ObjectRef;
          import java.util.ArrayList;
          import java.util.List;

          public final class SumSquares {
            static int square(int x) {
              return x * x;
            }

            public static void main(String[] args) {
              System.out.println("hello from a REST job: " + String.join(" ", args));
              try (Flotilla fl = Flotilla.connect()) {
                List<ObjectRef<Integer>> refs = new ArrayList<>();
                for (int i = 1; i <= 100; i++) {
                  refs.add(fl.task(SumSquares::square, i).remote());
                }
                int sum = 0;
                for (int v : fl.get(refs)) {
                  sum += v;
                }
                System.out.println("sum of squares 1..100 = " + sum);
                System.out.println("job " + fl.jobId());
              }
              System.err.println("done on stderr");
            }
          }
          """,
      "demo.Gate", """
          package demo;

          import java.nio.file.Files;
          import java.nio.file.Path;

          /** Prints, then blocks opening a named pipe until the test writes to it. */
          public final class Gate {
            public static void main(String[] args) throws Exception {
              System.out.println("waiting at the gate");
              String word = Files.readString(Path.of(args[0])).strip();
              System.out.println("released with " + word);
            }
          }
          """,
      "demo.Diverges", """
          package demo;

          public final class Diverges {
            public static void main(String[] args) {
              System.out.println("step 1");
              throw new IllegalStateException("the model diverged at step 7");
            }
          }
          """,
      "demo.Forever", """
          package demo;

          public final class Forever {
            public static void main(String[] args) throws Exception {
              System.out.println("executor pid " + ProcessHandle.current().pid());
              new java.util.concurrent.CountDownLatch(1).await();
            }
          }
          """));

  private static String submit(ItWorld w, String mainClass, String... args) {
    return submit(w.member.token(), JobUploads.path(w.tenant.name(), w.workspace), "{\"cpus\":1}", mainClass, args);
  }

  private static String submit(String token, String path, String resources, String mainClass, String... args) {
    String spec = "{\"name\":\"run-it\",\"mainClass\":\"" + mainClass + "\",\"args\":["
        + String.join(",", List.of(args).stream().map(a -> "\"" + a + "\"").toList()) + "],\"resources\":" + resources + "}";
    Response r = JobUploads.request(token, "run-" + UUID.randomUUID(), spec, JAR).post(path);
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(201);
    assertThat(r.jsonPath().getString("status")).isEqualTo("QUEUED");
    assertThat(r.jsonPath().getString("notice")).as("a cluster is configured").isNull();
    return r.jsonPath().getString("id");
  }

  private static JsonPath job(ItWorld w, String id) {
    return given().auth().oauth2(w.viewer.token()).get(JobUploads.path(w.tenant.name(), w.workspace) + "/" + id)
        .then().statusCode(200).extract().jsonPath();
  }

  private static JsonPath awaitStatus(ItWorld w, String id, Set<String> wanted) {
    return ItAwait.until("job " + id + " to be " + wanted, JOB_TIMEOUT, () -> {
      JsonPath j = job(w, id);
      return wanted.contains(j.getString("status")) ? j : null;
    });
  }

  private static String logs(ItWorld w, String id) {
    return given().auth().oauth2(w.viewer.token()).get(JobUploads.path(w.tenant.name(), w.workspace) + "/" + id + "/logs")
        .then().statusCode(200).extract().asString();
  }

  @Test
  void sumOfSquares_runsOnTheCluster_queuedRunningSucceeded_withItsLogAndNestedTasks() throws Exception {
    ItWorld w = ItWorld.sharedA();
    String token = ItTokens.create(w.member.token(), w.tenant.name(), w.workspace).secret();
    String id = submit(w, "demo.SumSquares", "a", "b c");

    // the CLI follows the log from the start until the job ends
    Map<String, String> env = Map.of("FLOTILLA_TOKEN", token, "FLOTILLA_API", "http://127.0.0.1:" + RestAssured.port,
        "FLOTILLA_TENANT", w.tenant.name(), "FLOTILLA_WORKSPACE", w.workspace);
    ByteArrayOutputStream cliOut = new ByteArrayOutputStream();
    CompletableFuture<Integer> cli = CompletableFuture.supplyAsync(() -> new JobCli(new PrintStream(cliOut, true),
        new PrintStream(new ByteArrayOutputStream(), true), env).run(List.of("logs", "-f", id)));

    JsonPath running = awaitStatus(w, id, Set.of("RUNNING", "SUCCEEDED", "FAILED", "STOPPED"));
    assertThat(running.getString("startedAt")).as("startedAt once RUNNING").isNotNull();
    JsonPath done = awaitStatus(w, id, FINAL);
    String log = logs(w, id);
    assertThat(done.getString("status")).as("job log:\n" + log + "\nfailure: " + done.getString("failure")).isEqualTo("SUCCEEDED");
    assertThat(done.getString("endedAt")).isNotNull();
    assertThat(done.getString("failure")).isNull();
    assertThat(log).contains("hello from a REST job: a b c\n").contains("sum of squares 1..100 = 338350\n")
        .contains("done on stderr\n");

    assertThat(cli.get(1, TimeUnit.MINUTES)).as("CLI exit status").isZero();
    assertThat(cliOut.toString(StandardCharsets.UTF_8)).contains("sum of squares 1..100 = 338350");

    // the 100 nested tasks ran in the job's own scheduler job, stamped with its workspace
    String schedulerJob = log.replaceAll("(?s).*\njob ([^\n]+)\n.*", "$1");
    var usage = EdgeCluster.usage(w.tenant.name()).getJobsList().stream()
        .filter(j -> j.getJobId().equals(schedulerJob)).findFirst()
        .orElseThrow(() -> new AssertionError("scheduler job " + schedulerJob + " not metered; log:\n" + log));
    assertThat(usage.getWorkspace()).isEqualTo(w.workspace);
    assertThat(usage.getTasks()).as("the driver task and its 100 nested tasks").isEqualTo(101);
  }

  @Test
  void follow_showsTheFirstLineBeforeTheJobEnds_andEndsWithIt() throws Exception {
    ItWorld w = ItWorld.sharedA();
    Path gate = dev.flotilla.apiserver.ItSharedDir.create("gate").resolve("fifo");
    assertThat(new ProcessBuilder("mkfifo", gate.toString()).inheritIO().start().waitFor()).isZero();
    String id = submit(w, "demo.Gate", gate.toString());

    HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port
            + JobUploads.path(w.tenant.name(), w.workspace) + "/" + id + "/logs?follow=true"))
        .header("Authorization", "Bearer " + w.viewer.token()).GET().build();
    HttpResponse<java.io.InputStream> resp = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(resp.statusCode()).isEqualTo(200);
    assertThat(resp.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    List<String> seen = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> ended = CompletableFuture.runAsync(() -> {
      try (var in = new BufferedReader(new InputStreamReader(resp.body(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          seen.add(line);
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });

    ItAwait.until("the first line on the follow stream", JOB_TIMEOUT, () -> seen.contains("waiting at the gate") ? true : null);
    assertThat(job(w, id).getString("status")).as("the job is still running").isEqualTo("RUNNING");
    assertThat(ended).as("the stream stays open while the job runs").isNotDone();

    Files.writeString(gate, "open sesame\n");
    ended.get(2, TimeUnit.MINUTES);
    assertThat(seen).containsSubsequence("waiting at the gate", "released with open sesame");
    assertThat(job(w, id).getString("status")).isEqualTo("SUCCEEDED");
  }

  @Test
  void mainThatThrows_isFailedWithTheExceptionsMessage_andItsStackTraceInTheLog() {
    ItWorld w = ItWorld.sharedA();
    String id = submit(w, "demo.Diverges");
    JsonPath done = awaitStatus(w, id, FINAL);
    assertThat(done.getString("status")).isEqualTo("FAILED");
    assertThat(done.getString("failure")).isEqualTo("java.lang.IllegalStateException: the model diverged at step 7");
    assertThat(logs(w, id)).contains("step 1\n").contains("demo.Diverges.main(Diverges.java:6)")
        .as("the driver's frames under main are cut").doesNotContain("internal.jobs.JobDriver");
  }

  @Test
  void gpuJobInAWorkspaceWithASpentBudget_isFailedWithTheSchedulersMessage() {
    ItWorld w = ItWorld.sharedA();
    String broke = w.tenant.createWorkspace("broke-jobs");
    given().auth().oauth2(w.tenant.adminToken()).contentType(io.restassured.http.ContentType.JSON)
        .body(Map.of("gpuHoursPerMonth", 0)).put(w.tenant.path() + "/workspaces/" + broke + "/quota").then().statusCode(200);
    String member = w.tenant.invite(broke, "member").token();
    String path = JobUploads.path(w.tenant.name(), broke);
    String id = submit(member, path, "{\"cpus\":1,\"gpus\":1}", "demo.Diverges");

    JsonPath done = ItAwait.until("GPU job " + id + " to end", JOB_TIMEOUT, () -> {
      JsonPath j = given().auth().oauth2(member).get(path + "/" + id).then().statusCode(200).extract().jsonPath();
      return FINAL.contains(j.getString("status")) ? j : null;
    });
    assertThat(done.getString("status")).isEqualTo("FAILED");
    assertThat(done.getString("failure")).contains("workspace '" + broke + "' has spent its GPU budget");
    assertThat(given().auth().oauth2(member).get(path + "/" + id + "/logs").asString()).as("main never ran").doesNotContain("step 1");
  }

  @Test
  void stop_ofALongRunningJob_isStopped_andItsExecutorDies() throws Exception {
    ItWorld w = ItWorld.sharedA();
    String id = submit(w, "demo.Forever");
    String pidLine = ItAwait.until("the job's executor pid in its log", JOB_TIMEOUT,
        () -> logs(w, id).lines().filter(l -> l.startsWith("executor pid ")).findFirst().orElse(null));
    long pid = Long.parseLong(pidLine.substring("executor pid ".length()).strip());
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("executor " + pid).contains(true);

    Response stopped = given().auth().oauth2(w.member.token()).post(JobUploads.path(w.tenant.name(), w.workspace) + "/" + id + "/stop");
    assertThat(stopped.statusCode()).as(stopped.asString()).isEqualTo(200);
    assertThat(stopped.jsonPath().getString("status")).isEqualTo("STOPPED");

    ItAwait.until("executor " + pid + " to exit after the stop", Duration.ofMinutes(1),
        () -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) ? null : true);
    assertThat(job(w, id).getString("status")).as("still STOPPED after the driver saw the interrupt").isEqualTo("STOPPED");
  }

  @Test
  void pickUp_likeAtStart_runsJobsLeftQueued_andFailsThoseLeftRunningByAnEarlierApiServer() {
    ItWorld w = ItWorld.sharedA();
    UUID queued = insertJob(w, "QUEUED");
    UUID orphan = insertJob(w, "RUNNING");

    runner.pickUp();

    JsonPath abandoned = job(w, orphan.toString());
    assertThat(abandoned.getString("status")).isEqualTo("FAILED");
    assertThat(abandoned.getString("failure")).contains("api-server restarted while the job ran");
    JsonPath ran = awaitStatus(w, queued.toString(), FINAL);
    assertThat(ran.getString("status")).as(logs(w, queued.toString())).isEqualTo("SUCCEEDED");
    assertThat(logs(w, queued.toString())).contains("sum of squares 1..100 = 338350");
  }

  /** A job row and its package as an earlier api-server left them (written straight to the database). */
  private static UUID insertJob(ItWorld w, String state) {
    UUID[] ids = dev.flotilla.apiserver.ItDatabase.workspaceIds(w.tenant.name(), w.workspace);
    UUID id = UUID.randomUUID();
    java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
    dev.flotilla.apiserver.ItDatabase.update("insert into job (id, tenant_id, workspace_id, idempotency_key, main_class, state,"
        + " submitted_by, created_at, updated_at, name, args, cpus, gpus, request_digest, package_digest, started_at)"
        + " values (?, ?, ?, ?, 'demo.SumSquares', ?, 'it', ?, ?, 'left over', '[\"x\"]', 1, 0, 'd', ?, ?)",
        id, ids[0], ids[1], "left-" + id, state, now, now, TestJars.sha256(JAR), state.equals("RUNNING") ? now : null);
    dev.flotilla.apiserver.ItDatabase.update("insert into job_package (job_id, digest, bytes) values (?, ?, ?)",
        id, TestJars.sha256(JAR), JAR);
    return id;
  }

  @Test
  void anotherTenantsJob_isNotFound_itsLogAndItsFollowStreamToo() {
    ItWorld a = ItWorld.sharedA();
    ItWorld b = ItWorld.sharedB();
    String id = submit(a, "demo.Diverges");
    String asB = JobUploads.path(b.tenant.name(), b.workspace) + "/" + id;
    given().auth().oauth2(b.member.token()).get(asB).then().statusCode(404);
    given().auth().oauth2(b.member.token()).get(asB + "/logs").then().statusCode(404);
    given().auth().oauth2(b.member.token()).queryParam("follow", true).get(asB + "/logs").then().statusCode(404);
    given().auth().oauth2(b.member.token()).post(asB + "/stop").then().statusCode(404);
    awaitStatus(a, id, FINAL);
    List<String> ids = new ArrayList<>(given().auth().oauth2(b.member.token())
        .get(JobUploads.path(b.tenant.name(), b.workspace)).then().statusCode(200).extract().jsonPath().getList("id"));
    assertThat(ids).doesNotContain(id);
  }
}
