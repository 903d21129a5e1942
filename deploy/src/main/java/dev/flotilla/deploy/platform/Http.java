package dev.flotilla.deploy.platform;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Blocking JSON over HTTP for the launcher's REST calls (Keycloak, the api-server). Thread-safe. */
final class Http {
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A response: status and body text. */
  record Answer(int status, String body) {
    JsonElement json() {
      return JsonParser.parseString(body);
    }

    /** This answer when its status is one of {@code expected}, else an error naming {@code what}. */
    Answer expect(String what, int... expected) {
      for (int e : expected) {
        if (status == e) {
          return this;
        }
      }
      throw new IllegalStateException(what + ": HTTP " + status + " " + body);
    }
  }

  /** {@code method url} with an optional bearer token and JSON body (null: none). */
  Answer send(String method, String url, String bearer, String jsonBody) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
    if (jsonBody != null) {
      b.header("Content-Type", "application/json");
    }
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return exchange(b, url);
  }

  /** A form POST (OAuth token endpoints). */
  Answer postForm(String url, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return exchange(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)), url);
  }

  /** An OAuth password grant; returns the access token. */
  String passwordGrant(String tokenUrl, String clientId, String clientSecret, String user, String password) {
    var form = new java.util.LinkedHashMap<String, String>();
    form.put("grant_type", "password");
    form.put("client_id", clientId);
    if (clientSecret != null) {
      form.put("client_secret", clientSecret);
    }
    form.put("scope", "openid");
    form.put("username", user);
    form.put("password", password);
    return postForm(tokenUrl, form).expect("login of " + user + " at " + tokenUrl, 200)
        .json().getAsJsonObject().get("access_token").getAsString();
  }

  private Answer exchange(HttpRequest.Builder request, String url) {
    try {
      HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new IllegalStateException(url + " did not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling " + url, e);
    }
  }
}
