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
    return r.request(call.verb(), call.path());
  }
}
