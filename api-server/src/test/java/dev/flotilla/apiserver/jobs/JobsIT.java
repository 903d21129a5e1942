package dev.flotilla.apiserver.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItWorld;
import dev.flotilla.apiserver.ItTokens;
import dev.flotilla.apiserver.api.JobUploads;
import dev.flotilla.deploy.jobcli.JobCli;
import io.restassured.RestAssured;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The jobs REST API against real PostgreSQL and Keycloak: submission (durable, idempotent), list,
 * status, logs, stop, another tenant's ids, and every kind of bad package or spec.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
class JobsIT {
  private static final String PROBLEM = "application/problem+json";

  @Test
  void submit_thenGetListStopLogs_lifecycleAsStored() {
    ItWorld w = ItWorld.sharedA();
    String path = JobUploads.path(w.tenant.name(), w.workspace);
    String key = "k-" + UUID.randomUUID();
    Response created = JobUploads.request(w.member.token(), key, JobUploads.spec(List.of("a", "b c")), JobUploads.jar())
        .post(path);
    assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
    String id = created.jsonPath().getString("id");
    assertThat(created.jsonPath().getString("status")).isEqualTo("QUEUED");
    assertThat(created.jsonPath().getString("notice")).as("no scheduler in this test").contains("no cluster configured");
    assertThat(created.jsonPath().getList("args")).containsExactly("a", "b c");
    assertThat(created.jsonPath().getString("packageSha256")).hasSize(64);

    Response again = JobUploads.request(w.member.token(), key, JobUploads.spec(List.of("a", "b c")), JobUploads.jar())
        .post(path);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.jsonPath().getString("id")).isEqualTo(id);

    Response clash = JobUploads.request(w.member.token(), key, JobUploads.spec(List.of("other")), JobUploads.jar())
        .post(path);
    expectProblem(clash, 422, "Idempotency-Key");
    assertThat(clash.jsonPath().getString("detail")).contains(key);

    String newer = JobUploads.submit(w.member.token(), w.tenant.name(), w.workspace, "k-" + UUID.randomUUID());
    List<String> listed = given().auth().oauth2(w.viewer.token()).get(path).then().statusCode(200)
        .extract().jsonPath().getList("id", String.class);
    assertThat(listed).containsSubsequence(newer, id);

    given().auth().oauth2(w.viewer.token()).get(path + "/" + id).then().statusCode(200);
    Response logs = given().auth().oauth2(w.viewer.token()).get(path + "/" + id + "/logs");
    assertThat(logs.statusCode()).isEqualTo(200);
    assertThat(logs.contentType()).startsWith("text/plain");

    Response stopped = given().auth().oauth2(w.member.token()).post(path + "/" + id + "/stop");
    assertThat(stopped.statusCode()).as(stopped.asString()).isEqualTo(200);
    assertThat(stopped.jsonPath().getString("status")).isEqualTo("STOPPED");
    assertThat(stopped.jsonPath().getString("endedAt")).isNotNull();
    assertThat(stopped.jsonPath().getString("notice")).isNull();
    Response followed = given().auth().oauth2(w.viewer.token()).queryParam("follow", true).get(path + "/" + id + "/logs");
    assertThat(followed.statusCode()).as("following an ended job's log ends at once").isEqualTo(200);
    expectProblem(given().auth().oauth2(w.viewer.token()).queryParam("follow", true)
        .get(path + "/" + UUID.randomUUID() + "/logs"), 404, null);
    assertThat(given().auth().oauth2(w.viewer.token()).get(path + "/" + id).jsonPath().getString("status"))
        .isEqualTo("STOPPED");
  }

  @Test
  void sameKeyConcurrently_oneJobOneCreated() throws Exception {
    ItWorld w = ItWorld.sharedA();
    String path = JobUploads.path(w.tenant.name(), w.workspace);
    String key = "race-" + UUID.randomUUID();
    String token = w.member.token();
    List<java.util.concurrent.Callable<Response>> calls = java.util.stream.IntStream.range(0, 6)
        .<java.util.concurrent.Callable<Response>>mapToObj(i -> () ->
            JobUploads.request(token, key, JobUploads.spec(List.of("r")), JobUploads.jar()).post(path))
        .toList();
    List<Response> answers = new java.util.ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
      for (var f : pool.invokeAll(calls, 60, java.util.concurrent.TimeUnit.SECONDS)) {
        answers.add(f.get());
      }
    }
    assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.asString()).isIn(200, 201));
    assertThat(answers).filteredOn(r -> r.statusCode() == 201).hasSize(1);
    assertThat(answers.stream().map(r -> r.jsonPath().getString("id")).distinct()).hasSize(1);
  }

  @Test
  void otherTenantsJob_notFoundOnOwnPath() {
    ItWorld victim = ItWorld.sharedA();
    ItWorld other = ItWorld.dedicated();
    String id = JobUploads.submit(victim.member.token(), victim.tenant.name(), victim.workspace, "k-" + UUID.randomUUID());
    String own = JobUploads.path(other.tenant.name(), other.workspace);
    given().auth().oauth2(other.tenant.adminToken()).get(own + "/" + id).then().statusCode(404);
    given().auth().oauth2(other.tenant.adminToken()).post(own + "/" + id + "/stop").then().statusCode(404);
    given().auth().oauth2(victim.outsider.token()).get(JobUploads.path(victim.tenant.name(), victim.workspace) + "/" + id)
        .then().statusCode(403);
  }

  @Test
  void hostilePackages_422NamingTheReason() {
    ItWorld w = ItWorld.sharedA();
    String spec = JobUploads.spec(List.of());
    Map<String, byte[]> cases = Map.of(
        "escapes the package root", TestZips.zip(Map.of("../../evil.sh", new byte[] {1}, "com/example/Main.class", new byte[] {1})),
        "absolute path", TestZips.zip(Map.of("/etc/evil", new byte[] {1})),
        "symbolic link", TestZips.symlinkByExternalAttributes("com/example/Main.class"),
        "compression ratio", TestZips.zip(Map.of("com/example/Main.class", new byte[20_000_000])),
        "not a zip or jar file", "just some text, not an archive".getBytes(),
        "is not in the package", TestZips.zip(Map.of("com/example/Other.class", new byte[] {1})));
    cases.forEach((reason, jar) -> {
      Response r = JobUploads.request(w.member.token(), null, spec, jar).post(JobUploads.path(w.tenant.name(), w.workspace));
      expectProblem(r, 422, reason.equals("is not in the package") ? "mainClass" : "package");
      assertThat(r.jsonPath().getString("detail")).as(reason).contains(reason);
    });
  }

  @Test
  void oversizedPackage_413() {
    ItWorld w = ItWorld.sharedA();
    byte[] big = new byte[3 * 1024 * 1024];
    new Random(7).nextBytes(big);
    Response r = JobUploads.request(w.member.token(), null, JobUploads.spec(List.of()), big)
        .post(JobUploads.path(w.tenant.name(), w.workspace));
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.contentType()).startsWith(PROBLEM);
  }

  @Test
  void badSpecs_400Or422NamingTheField() {
    ItWorld w = ItWorld.sharedA();
    String path = JobUploads.path(w.tenant.name(), w.workspace);
    byte[] jar = JobUploads.jar();
    expectProblem(JobUploads.request(w.member.token(), null, "{\"mainClass\": ", jar).post(path), 400, null);
    expectProblem(JobUploads.request(w.member.token(), null, "{\"mainClass\":\"com.example.Main\",\"bogus\":1}", jar)
        .post(path), 400, "bogus");
    expectProblem(JobUploads.request(w.member.token(), null, "{\"mainClass\":\"not a class!\",\"resources\":{\"gpus\":-1}}",
        jar).post(path), 422, "mainClass");
    expectProblem(JobUploads.request(w.member.token(), "bad key with spaces", JobUploads.spec(List.of()), jar).post(path),
        422, "Idempotency-Key");
    expectProblem(given().auth().oauth2(w.member.token()).multiPart("spec", JobUploads.spec(List.of()), "application/json")
        .post(path), 422, "package");
    expectProblem(given().auth().oauth2(w.member.token()).get(path + "/not-a-uuid"), 404, null);
  }

  @Test
  void cli_submitListStopLogs_throughTheRestApi() throws Exception {
    ItWorld w = ItWorld.sharedA();
    String token = ItTokens.create(w.member.token(), w.tenant.name(), w.workspace).secret();
    java.nio.file.Path jar = java.nio.file.Files.createTempFile("job", ".jar");
    java.nio.file.Files.write(jar, JobUploads.jar());
    jar.toFile().deleteOnExit();
    Map<String, String> env = Map.of("FLOTILLA_TOKEN", token, "FLOTILLA_API", "http://127.0.0.1:" + RestAssured.port,
        "FLOTILLA_TENANT", w.tenant.name(), "FLOTILLA_WORKSPACE", w.workspace);
    String key = "cli-" + UUID.randomUUID();
    List<String> submit = List.of("submit", "--jar", jar.toString(), "--main", "com.example.Main", "--gpus", "0",
        "--idempotency-key", key, "--", "x", "--y");

    Cli first = Cli.run(env, submit);
    assertThat(first.status()).as(first.err()).isZero();
    String id = first.out().strip();
    assertThat(UUID.fromString(id)).isNotNull();
    assertThat(Cli.run(env, submit).out().strip()).isEqualTo(id);
    assertThat(given().auth().oauth2(token).get(JobUploads.path(w.tenant.name(), w.workspace) + "/" + id)
        .jsonPath().getList("args")).containsExactly("x", "--y");

    Cli list = Cli.run(env, List.of("list"));
    assertThat(list.out()).contains(id).contains("QUEUED").contains("com.example.Main");
    Cli stop = Cli.run(env, List.of("stop", id));
    assertThat(stop.out()).contains(id + " STOPPED");
    assertThat(Cli.run(env, List.of("logs", "-f", id)).status()).isZero();

    Cli missing = Cli.run(env, List.of("stop", UUID.randomUUID().toString()));
    assertThat(missing.status()).isEqualTo(1);
    assertThat(missing.err()).contains("HTTP 404").contains("no job");
    Cli badToken = Cli.run(Map.of("FLOTILLA_TOKEN", "flt_nope", "FLOTILLA_API", env.get("FLOTILLA_API"),
        "FLOTILLA_TENANT", w.tenant.name(), "FLOTILLA_WORKSPACE", w.workspace), List.of("list"));
    assertThat(badToken.err()).contains("HTTP 401");
  }

  /** One run of the CLI in this JVM: exit status and what it printed. */
  private record Cli(int status, String out, String err) {
    static Cli run(Map<String, String> env, List<String> args) {
      var out = new java.io.ByteArrayOutputStream();
      var err = new java.io.ByteArrayOutputStream();
      int status = new JobCli(new java.io.PrintStream(out, true), new java.io.PrintStream(err, true), env).run(args);
      return new Cli(status, out.toString(), err.toString());
    }
  }

  private static void expectProblem(Response r, int status, String field) {
    assertThat(r.statusCode()).as(r.asString()).isEqualTo(status);
    assertThat(r.contentType()).startsWith(PROBLEM);
    if (field != null) {
      assertThat(r.jsonPath().getList("errors.field", String.class)).as(r.asString()).contains(field);
    }
  }
}
