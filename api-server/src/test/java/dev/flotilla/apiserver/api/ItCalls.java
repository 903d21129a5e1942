package dev.flotilla.apiserver.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Sends an {@link Endpoints.Call} with a bearer credential (or none). */
final class ItCalls {
  private ItCalls() {}

  static Response send(Endpoints.Call call, String bearer) {
    RequestSpecification r = given();
    if (bearer != null) {
      r = r.auth().oauth2(bearer);
    }
    if (call.body() != null) {
      r = r.contentType(ContentType.JSON).body(call.body());
    }
    for (Endpoints.Part p : call.parts()) {
      r = p.fileName() == null ? r.multiPart(p.name(), new String(p.content(), java.nio.charset.StandardCharsets.UTF_8), p.mimeType())
          : r.multiPart(p.name(), p.fileName(), p.content(), p.mimeType());
    }
    return r.request(call.verb(), call.path());
  }
}
