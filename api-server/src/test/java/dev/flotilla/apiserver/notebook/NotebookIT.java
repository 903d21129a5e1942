package dev.flotilla.apiserver.notebook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItWorld;
import dev.flotilla.apiserver.api.ItNotebooks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Notebook persistence against real PostgreSQL and Keycloak: content saved whole with a version
 * per save, a stale base refused (409), versions listed and restored, nbformat 4 export and import,
 * duplicate, rename, delete (audited); another tenant's notebook id is 404 on the caller's own paths.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
class NotebookIT {

  @Test
  void save_versions_restore_staleBaseConflicts() {
    ItWorld w = ItWorld.sharedA();
    String member = w.member.token();
    String id = ItNotebooks.create(member, w.tenant.name(), w.workspace, "analysis");
    String nb = notebooks(w) + "/" + id;

    given().auth().oauth2(w.viewer.token()).get(nb).then().statusCode(200)
        .body("name", equalTo("analysis")).body("version", equalTo(1)).body("cells.size()", equalTo(0));
    given().auth().oauth2(member).contentType(ContentType.JSON).body(ItNotebooks.save(1)).put(nb + "/content")
        .then().statusCode(200).body("version", equalTo(2));
    given().auth().oauth2(member).get(nb).then().statusCode(200).body("version", equalTo(2))
        .body("cells.id", equalTo(List.of("c1", "m1"))).body("cells[0].source", equalTo("int x = 6 * 7;"))
        .body("cells[0].executionCount", equalTo(1)).body("cells[1].type", equalTo("markdown"));

    given().auth().oauth2(member).contentType(ContentType.JSON).body(ItNotebooks.save(1)).put(nb + "/content")
        .then().statusCode(409).contentType("application/problem+json")
        .body("detail", containsString("is at version 2, not 1"));

    given().auth().oauth2(w.viewer.token()).get(nb + "/versions").then().statusCode(200)
        .body("version", equalTo(List.of(2, 1))).body("cellCount", equalTo(List.of(2, 0)))
        .body("savedBy[0]", equalTo(w.member.id()));

    given().auth().oauth2(member).contentType(ContentType.JSON).body(Map.of("baseVersion", 2))
        .post(nb + "/versions/1/restore").then().statusCode(200).body("version", equalTo(3));
    given().auth().oauth2(member).get(nb).then().body("version", equalTo(3)).body("cells.size()", equalTo(0));
    given().auth().oauth2(member).contentType(ContentType.JSON).body(Map.of("baseVersion", 3))
        .post(nb + "/versions/9/restore").then().statusCode(404);
    given().auth().oauth2(member).contentType(ContentType.JSON).body(Map.of("baseVersion", 3))
        .post(nb + "/versions/abc/restore").then().statusCode(404);
  }

  @Test
  void exportImport_roundTripsNbformat4Java() {
    ItWorld w = ItWorld.sharedA();
    String member = w.member.token();
    Response imported = given().auth().oauth2(member).contentType(ContentType.JSON)
        .body(Map.of("name", "from jupyter", "ipynb", ItNotebooks.ipynb())).post(notebooks(w) + "/import");
    assertThat(imported.statusCode()).as(imported.asString()).isEqualTo(201);
    String nb = notebooks(w) + "/" + imported.path("id");
    given().auth().oauth2(member).get(nb).then().statusCode(200)
        .body("cells[0].source", equalTo("var s = \"hi\";\ns.length()")).body("cells[0].executionCount", equalTo(3));

    given().auth().oauth2(w.viewer.token()).get(nb + "/export").then().statusCode(200)
        .body("nbformat", equalTo(4)).body("metadata.kernelspec.language", equalTo("java"))
        .body("metadata.language_info.name", equalTo("java"))
        .body("cells[0].cell_type", equalTo("code")).body("cells[0].source", equalTo("var s = \"hi\";\ns.length()"))
        .body("cells[0].execution_count", equalTo(3));

    Map<String, Object> python = Map.of("nbformat", 4, "metadata", Map.of("kernelspec", Map.of("language", "python")),
        "cells", List.of());
    given().auth().oauth2(member).contentType(ContentType.JSON).body(Map.of("name", "py", "ipynb", python))
        .post(notebooks(w) + "/import").then().statusCode(422)
        .body("errors.field", hasItem("ipynb.metadata.kernelspec.language"));
    Map<String, Object> raw = Map.of("nbformat", 4, "cells", List.of(Map.of("cell_type", "raw", "source", "x")));
    given().auth().oauth2(member).contentType(ContentType.JSON).body(Map.of("name", "raw", "ipynb", raw))
        .post(notebooks(w) + "/import").then().statusCode(422).body("errors.field", hasItem("ipynb.cells[0].cell_type"));
  }

  @Test
  void duplicateRenameDelete_deleteAudited() {
    ItWorld w = ItWorld.sharedA();
    String member = w.member.token();
    String id = ItNotebooks.create(member, w.tenant.name(), w.workspace, "original");
    given().auth().oauth2(member).contentType(ContentType.JSON).body(ItNotebooks.save(1))
        .put(notebooks(w) + "/" + id + "/content").then().statusCode(200);

    String copy = given().auth().oauth2(member).contentType(ContentType.JSON).body(Map.of("name", "copy"))
        .post(notebooks(w) + "/" + id + "/duplicate").then().statusCode(201).body("version", equalTo(1))
        .extract().path("id");
    given().auth().oauth2(member).get(notebooks(w) + "/" + copy).then().body("cells.id", equalTo(List.of("c1", "m1")));
    given().auth().oauth2(member).contentType(ContentType.JSON).body(Map.of("name", "renamed copy"))
        .patch(notebooks(w) + "/" + copy).then().statusCode(200).body("name", equalTo("renamed copy"));
    given().auth().oauth2(w.viewer.token()).get(notebooks(w)).then().statusCode(200)
        .body("find { it.id == '" + copy + "' }.name", equalTo("renamed copy"));

    given().auth().oauth2(member).delete(notebooks(w) + "/" + copy).then().statusCode(204);
    given().auth().oauth2(member).get(notebooks(w) + "/" + copy).then().statusCode(404);
    given().auth().oauth2(member).get(notebooks(w)).then().body("id", not(hasItem(copy)));
    given().auth().oauth2(w.tenant.adminToken()).get(w.tenant.path() + "/audit").then().statusCode(200)
        .body("find { it.action == 'notebook.delete' && it.target.endsWith('" + copy + "') }.detail",
            equalTo("renamed copy"));
  }

  @Test
  void ownPaths_otherTenantsNotebookId_notFound() {
    ItWorld victim = ItWorld.sharedA();
    for (ItWorld attacker : List.of(ItWorld.sharedB(), ItWorld.dedicated())) {
      String own = notebooks(attacker) + "/" + victim.notebook;
      String member = attacker.member.token();
      given().auth().oauth2(member).get(own).then().statusCode(404);
      given().auth().oauth2(member).get(own + "/export").then().statusCode(404);
      given().auth().oauth2(member).contentType(ContentType.JSON).body(ItNotebooks.save(1)).put(own + "/content")
          .then().statusCode(404);
      given().auth().oauth2(member).delete(own).then().statusCode(404);
    }
    given().auth().oauth2(victim.member.token()).get(notebooks(victim) + "/" + victim.notebook).then().statusCode(200)
        .body("version", equalTo(1));
    given().auth().oauth2(victim.member.token()).get(notebooks(victim) + "/not-a-uuid").then().statusCode(404);
  }

  private static String notebooks(ItWorld w) {
    return w.tenant.path() + "/workspaces/" + w.workspace + "/notebooks";
  }
}
