package dev.flotilla.apiserver.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/** Notebooks through the API for ITs: creating one, and valid bodies for save and import. */
public final class ItNotebooks {
  private ItNotebooks() {}

  /** Creates a notebook (at version 1, no cells) and answers its id. */
  public static String create(String bearer, String tenant, String workspace, String name) {
    Response r = given().auth().oauth2(bearer).contentType(ContentType.JSON).body(Map.of("name", name))
        .post("/api/v1/tenants/" + tenant + "/workspaces/" + workspace + "/notebooks");
    if (r.statusCode() != 201) {
      throw new AssertionError("notebook creation answered " + r.statusCode() + ": " + r.asString());
    }
    return r.path("id");
  }

  /** A save of one code and one markdown cell on top of {@code baseVersion}. */
  public static Map<String, Object> save(int baseVersion) {
    return Map.of("baseVersion", baseVersion, "cells", List.of(
        Map.of("id", "c1", "type", "code", "source", "int x = 6 * 7;", "outputs", List.of(), "executionCount", 1),
        Map.of("id", "m1", "type", "markdown", "source", "# Title")));
  }

  /** A small nbformat 4 document with a code cell whose source is a list of lines. */
  public static Map<String, Object> ipynb() {
    return Map.of("nbformat", 4, "nbformat_minor", 5,
        "metadata", Map.of("kernelspec", Map.of("name", "java", "language", "java")),
        "cells", List.of(Map.of("cell_type", "code", "id", "a", "metadata", Map.of(),
            "source", List.of("var s = \"hi\";\n", "s.length()"), "outputs", List.of(), "execution_count", 3)));
  }
}
