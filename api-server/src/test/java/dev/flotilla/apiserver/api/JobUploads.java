package dev.flotilla.apiserver.api;

import static io.restassured.RestAssured.given;

import dev.flotilla.apiserver.ItWorld;
import dev.flotilla.apiserver.jobs.TestZips;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Job submissions for the ITs: a small valid jar and spec, sent as multipart. */
public final class JobUploads {
  private static final Map<ItWorld, String> LASTING = new ConcurrentHashMap<>();

  private JobUploads() {}

  /** A jar holding {@code com/example/Main.class} (its bytes are not run by the REST tests). */
  public static byte[] jar() {
    return TestZips.zip(Map.of("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8),
        "com/example/Main.class", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE}));
  }

  public static String spec(List<String> args) {
    StringBuilder a = new StringBuilder();
    for (String s : args) {
      a.append(a.isEmpty() ? "" : ",").append('"').append(s).append('"');
    }
    return "{\"name\":\"it\",\"mainClass\":\"com.example.Main\",\"args\":[" + a + "],\"resources\":{\"cpus\":1,\"gpus\":0}}";
  }

  /** The parts of a valid submission; {@code tag} (its one argument) makes each request distinct. */
  static List<Endpoints.Part> parts(String tag) {
    return List.of(new Endpoints.Part("spec", null, "application/json", spec(List.of(tag)).getBytes(StandardCharsets.UTF_8)),
        new Endpoints.Part("package", "app.jar", "application/java-archive", jar()));
  }

  public static RequestSpecification request(String bearer, String key, String spec, byte[] jar) {
    RequestSpecification r = given().auth().oauth2(bearer).multiPart("spec", spec, "application/json")
        .multiPart("package", "app.jar", jar, "application/java-archive");
    return key == null ? r : r.header("Idempotency-Key", key);
  }

  public static String path(String tenant, String workspace) {
    return "/api/v1/tenants/" + tenant + "/workspaces/" + workspace + "/jobs";
  }

  /** Submits a fresh job and returns its id. */
  public static String submit(String bearer, String tenant, String workspace, String key) {
    return request(bearer, key, spec(List.of("x")), jar()).post(path(tenant, workspace))
        .then().statusCode(201).extract().jsonPath().getString("id");
  }

  /** One job per world that lasts the run (isolation and bad-input calls must leave it intact). */
  static String lastingJob(ItWorld w) {
    return LASTING.computeIfAbsent(w, x -> submit(x.tenant.adminToken(), x.tenant.name(), x.workspace, "lasting"));
  }
}
