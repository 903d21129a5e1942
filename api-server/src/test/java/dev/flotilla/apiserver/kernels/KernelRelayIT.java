package dev.flotilla.apiserver.kernels;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItWorld;
import dev.flotilla.apiserver.api.ItNotebooks;
import dev.flotilla.apiserver.edge.EdgeCluster;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URL;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Notebook kernels through the api-server on a real cluster: a member starts the notebook's kernel
 * (a KernelHost launched in the workspace's executor), opens its WebSocket with a single-use
 * ticket, and runs cells whose tasks run on the cluster; the socket refuses anything but a fresh
 * ticket for exactly its notebook; shutting the kernel down tells the socket why.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
@QuarkusTestResource(value = EdgeCluster.class, restrictToAnnotatedClass = true)
class KernelRelayIT {
  private static final Duration CELL = Duration.ofMinutes(2);

  @TestHTTPResource("/")
  URL base;

  private String notebooks(ItWorld w) {
    return w.tenant.path() + "/workspaces/" + w.workspace + "/notebooks";
  }

  private JsonPath open(String bearer, ItWorld w, String notebook) {
    return given().auth().oauth2(bearer).post(notebooks(w) + "/" + notebook + "/kernel").then().statusCode(200)
        .extract().jsonPath();
  }

  private URI socket(JsonPath opened) {
    return URI.create(base.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + opened.getString("socketPath"));
  }

  @Test
  void memberRunsCellsOnTheCluster_throughTheSocket_andShutdownSaysWhy() {
    ItWorld w = ItWorld.sharedA();
    String nb = ItNotebooks.create(w.member.token(), w.tenant.name(), w.workspace, "relay");
    JsonPath opened = open(w.member.token(), w, nb);
    assertThat(opened.getString("kernelId")).startsWith("k-");
    assertThat(opened.getString("state")).isIn("starting", "idle");

    try (var s = KernelSocket.open(socket(opened), "flotilla.kernel.v1", "ticket." + opened.getString("ticket"))) {
      assertThat(s.subprotocol()).isEqualTo("flotilla.kernel.v1");
      s.state("idle", Duration.ofMinutes(2));

      JsonNode def = s.end(s.execute("static int sq(int x) { return x * x; }"), CELL);
      assertThat(def.path("type").asText()).as(def.toString()).isEqualTo("result");
      JsonNode sum = s.end(s.execute("""
          var refs = new ArrayList<ObjectRef<Integer>>();
          for (int i = 1; i <= 100; i++) refs.add(fl.task(x -> sq(x), i).remote());
          fl.get(refs).stream().mapToInt(Integer::intValue).sum()"""), CELL);
      assertThat(sum.path("text").asText()).as(sum.toString()).isEqualTo("338350");
      assertThat(sum.path("executionCount").asInt()).isEqualTo(2);

      String printing = s.execute("System.out.println(\"hello from the cluster\");\nint[] a = new int[1];\na[5] = 1;");
      JsonNode out = s.await("the printed line", CELL, n -> n.path("type").asText().equals("stream"));
      assertThat(out.path("text").asText()).isEqualTo("hello from the cluster\n");
      JsonNode failed = s.end(printing, CELL);
      assertThat(failed.path("type").asText()).isEqualTo("error");
      assertThat(failed.path("ename").asText()).isEqualTo("java.lang.ArrayIndexOutOfBoundsException");
      assertThat(failed.path("line").asInt()).as("the failing cell line").isEqualTo(3);

      s.send("{\"type\":\"complete\",\"id\":\"c1\",\"code\":\"fl.ta\",\"cursor\":5}");
      JsonNode completions = s.await("completions", CELL, n -> n.path("type").asText().equals("complete_reply"));
      assertThat(completions.path("id").asText()).isEqualTo("c1");
      assertThat(completions.path("matches").toString()).as(completions.toString()).contains("task(");
      assertThat(completions.path("cursorStart").asInt()).isEqualTo(3);

      JsonNode where = s.end(s.execute("System.getenv(\"FLOTILLA_JOB_ID\")"), CELL);
      assertThat(where.path("text").asText()).as("the kernel runs in an executor of a scheduler job").matches("\"[^\"]+\"");

      assertThat(given().auth().oauth2(w.viewer.token()).get(notebooks(w) + "/" + nb + "/kernel").then().statusCode(200)
          .extract().jsonPath().getString("state")).as("a viewer sees the kernel's state").isEqualTo("idle");
      given().auth().oauth2(w.member.token()).delete(notebooks(w) + "/" + nb + "/kernel").then().statusCode(204);
      JsonNode dead = s.state("dead", Duration.ofSeconds(30));
      assertThat(dead.path("reason").asText()).startsWith("shut down by ");
    }
  }

  @Test
  void theSocketOpensOnlyWithAFreshTicketForItsOwnNotebook() {
    ItWorld w = ItWorld.sharedA();
    String nb = ItNotebooks.create(w.member.token(), w.tenant.name(), w.workspace, "tickets");
    String other = ItNotebooks.create(w.member.token(), w.tenant.name(), w.workspace, "other");
    JsonPath opened = open(w.member.token(), w, nb);
    URI uri = socket(opened);
    try {
      expectRefused(() -> KernelSocket.open(uri), 401);
      expectRefused(() -> KernelSocket.open(uri, "flotilla.kernel.v1"), 401);
      expectRefused(() -> KernelSocket.open(uri, "flotilla.kernel.v1", "ticket.made-up"), 401);
      JsonPath forOther = open(w.member.token(), w, other);
      expectRefused(() -> KernelSocket.open(uri, "flotilla.kernel.v1", "ticket." + forOther.getString("ticket")), 401);

      try (var s = KernelSocket.open(uri, "flotilla.kernel.v1", "ticket." + opened.getString("ticket"))) {
        s.await("the kernel's status", Duration.ofSeconds(30), n -> n.path("type").asText().equals("status"));
      }
      expectRefused(() -> KernelSocket.open(uri, "flotilla.kernel.v1", "ticket." + opened.getString("ticket")), 401);

      given().auth().oauth2(w.viewer.token()).post(notebooks(w) + "/" + nb + "/kernel").then().statusCode(403);
      ItWorld b = ItWorld.sharedB();
      given().auth().oauth2(b.member.token()).post(notebooks(w) + "/" + nb + "/kernel").then().statusCode(403);
      given().auth().oauth2(b.member.token()).post(b.tenant.path() + "/workspaces/" + b.workspace + "/notebooks/" + nb
          + "/kernel").then().statusCode(404);
    } finally {
      given().auth().oauth2(w.member.token()).delete(notebooks(w) + "/" + nb + "/kernel");
      given().auth().oauth2(w.member.token()).delete(notebooks(w) + "/" + other + "/kernel");
    }
  }

  @Test
  void aKernelOverItsWorkspacesQuota_waits_andTheSocketSaysWhy() {
    ItWorld w = ItWorld.sharedA();
    String tight = w.tenant.createWorkspace("tight");
    given().auth().oauth2(w.tenant.adminToken()).contentType(io.restassured.http.ContentType.JSON)
        .body(java.util.Map.of("maxCpus", 0)).put(w.tenant.path() + "/workspaces/" + tight + "/quota").then().statusCode(200);
    var member = w.tenant.invite(tight, "member");
    String nb = ItNotebooks.create(member.token(), w.tenant.name(), tight, "waits");
    String path = w.tenant.path() + "/workspaces/" + tight + "/notebooks/" + nb + "/kernel";
    JsonPath opened = given().auth().oauth2(member.token()).post(path).then().statusCode(200).extract().jsonPath();
    try (var s = KernelSocket.open(socket(opened), "flotilla.kernel.v1", "ticket." + opened.getString("ticket"))) {
      JsonNode waiting = s.await("a starting status with the scheduler's reason", Duration.ofMinutes(1),
          n -> n.path("type").asText().equals("status") && n.path("reason").asText().contains("workspace quota"));
      assertThat(waiting.path("state").asText()).isEqualTo("starting");
      assertThat(waiting.path("reason").asText()).startsWith("waiting for resources: ").contains("CPU");
    } finally {
      given().auth().oauth2(member.token()).delete(path).then().statusCode(204);
    }
  }

  private static void expectRefused(Runnable connect, int status) {
    assertThatThrownBy(connect::run).isInstanceOf(CompletionException.class)
        .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
            e -> assertThat(e.getResponse().statusCode()).isEqualTo(status));
  }
}
