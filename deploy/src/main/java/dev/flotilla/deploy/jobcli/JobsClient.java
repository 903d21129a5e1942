package dev.flotilla.deploy.jobcli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** The jobs REST API of one workspace, over {@code java.net.http}. Blocking; not thread-safe. */
final class JobsClient {
  /** An answer: status and body. */
  record Answer(int status, String body) {}

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String token;

  JobsClient(String api, String tenant, String workspace, String token) {
    this.base = api.replaceAll("/+$", "") + "/api/v1/tenants/" + tenant + "/workspaces/" + workspace + "/jobs";
    this.token = token;
  }

  String base() {
    return base;
  }

  Answer submit(byte[] jar, String specJson, String idempotencyKey) {
    String boundary = "flotilla-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"spec\"\r\n"
        + "Content-Type: application/json\r\n\r\n" + specJson + "\r\n");
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"package\"; filename=\"app.jar\"\r\n"
        + "Content-Type: application/java-archive\r\n\r\n");
    body.writeBytes(jar);
    write(body, "\r\n--" + boundary + "--\r\n");
    HttpRequest.Builder r = request("").header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (idempotencyKey != null) {
      r.header("Idempotency-Key", idempotencyKey);
    }
    return send(r);
  }

  Answer get(String suffix) {
    return send(request(suffix).GET());
  }

  Answer post(String suffix) {
    return send(request(suffix).POST(HttpRequest.BodyPublishers.noBody()));
  }

  /**
   * The response of a GET as a stream (for logs that keep coming: no timeout, a job may be quiet
   * for long); the caller closes it.
   */
  HttpResponse<InputStream> stream(String suffix) throws IOException, InterruptedException {
    return http.send(request(suffix, null).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  private HttpRequest.Builder request(String suffix) {
    return request(suffix, Duration.ofMinutes(5));
  }

  private HttpRequest.Builder request(String suffix, Duration timeout) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + suffix));
    if (timeout != null) {
      b.timeout(timeout);
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private Answer send(HttpRequest.Builder r) {
    try {
      HttpResponse<String> a = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(a.statusCode(), a.body());
    } catch (IOException e) {
      throw new IllegalStateException("the api-server at " + base + " did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
