package dev.flotilla.apiserver.notebook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItBrowser;
import dev.flotilla.apiserver.ItPlatform;
import dev.flotilla.apiserver.ItTenant;
import dev.flotilla.apiserver.ItUser;
import dev.flotilla.apiserver.edge.EdgeCluster;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The notebook UI in a real browser: Debian's Chromium driven by playwright-core
 * ({@code notebook-ui/e2e/notebook-flow.mjs}, run by node through {@link ItBrowser}) against this
 * api-server serving the built UI, with the real Keycloak and PostgreSQL and a real cluster
 * (scheduler + gpu-worker). A member logs in through the tenant's Keycloak (code + PKCE), creates a
 * notebook whose kernel starts in the workspace's executor, defines a method in a cell and sums it
 * over 100 remote tasks (338350), watches a printing loop stream before interrupting it, sees the
 * kernel kept its state, renders a plot (a non-empty SVG image), restarts the kernel (definitions
 * forgotten), gets completions with documentation from the kernel, watches a live progress bar
 * over 20 tasks, adds a markdown cell, reloads and finds cells and
 * outputs, sees the versions, works the keyboard shortcuts (Esc, B, A, J, K, D D, M, Y, Enter,
 * Alt+Enter running 6 * 7 = 42); a member
 * of another tenant opening the notebook's URL, or its id on their own paths, gets "Not found"; a
 * new API token is shown once; a cut kernel connection is re-opened by the page by itself and
 * cells run again; shutting the kernel down shows why. Screenshots land in {@code
 * docs/screenshots/}.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
@QuarkusTestResource(value = EdgeCluster.class, restrictToAnnotatedClass = true)
class NotebookBrowserIT {
  @TestHTTPResource("/")
  URL root;

  @Test
  void member_runsDistributedJavaFromANotebook_otherTenantNotFound() throws Exception {
    ItTenant tenant = ItPlatform.createTenant("shared");
    String workspace = tenant.createWorkspace("nb");
    ItUser member = tenant.invite(workspace, "member");
    ItTenant other = ItPlatform.createTenant("shared");
    String otherWorkspace = other.createWorkspace("nb");
    ItUser stranger = other.invite(otherWorkspace, "member");

    String output = ItBrowser.run("notebook-flow.mjs", root, Map.of("TENANT", tenant.name(), "WORKSPACE", workspace,
        "USER_EMAIL", member.email(), "OTHER_TENANT", other.name(), "OTHER_WORKSPACE", otherWorkspace,
        "OTHER_EMAIL", stranger.email()), Duration.ofMinutes(10));
    assertThat(output).contains(
        "ok   create a notebook after the access token expired: refreshed with the refresh token, no new login",
        "ok   a refused access token (401): refreshed once and the calls retried, no new login",
        "ok   a cell defines a method, the next sums it over 100 remote tasks: 338350",
        "ok   a cell that prints in a loop shows output before it ends; interrupt stops it",
        "ok   a plot renders as a non-empty SVG image", "ok   restart forgets definitions",
        "ok   completion comes from the kernel", "ok   a progress bar over 20 remote tasks updates in place",
        "ok   reload: the notebook is there", "ok   shortcuts: Esc selects the cell (command mode), B / A insert",
        "ok   shortcuts: M makes the selected cell markdown, Y code again",
        "ok   shortcuts: Enter edits, Alt+Enter runs the cell (42) and inserts a cell below to edit",
        "ok   the Shortcuts button shows and hides the list", "ok   a user of another tenant opening the notebook's URL gets not found",
        "ok   a lost connection to the kernel: the page reconnects by itself");
  }

  /**
   * The quota page ({@code e2e/quota-flow.mjs}): the tenant's GPU cap is 4 (set by the platform
   * admin); its tenant admin sets the workspace's max GPUs to 2 and sees it after a reload, 5 shows
   * the server's 422 next to the field and is not saved; a viewer reads the quota without a form.
   */
  @Test
  void tenantAdmin_setsWorkspaceQuota_aboveTenantCap422_viewerReadOnly() throws Exception {
    ItTenant tenant = ItPlatform.createTenant("shared");
    String workspace = tenant.createWorkspace("quota");
    ItUser viewer = tenant.invite(workspace, "viewer");
    Map<String, Object> tenantQuota = new HashMap<>();
    tenantQuota.put("maxGpus", 4);
    tenantQuota.put("maxCpus", null);
    tenantQuota.put("gpuHoursPerMonth", null);
    given().auth().oauth2(ItPlatform.platformAdminToken()).contentType(ContentType.JSON).body(tenantQuota)
        .put(tenant.path() + "/quota").then().statusCode(200);

    String output = ItBrowser.run("quota-flow.mjs", root, Map.of("TENANT", tenant.name(), "WORKSPACE", workspace,
        "ADMIN_EMAIL", tenant.adminEmail(), "VIEWER_EMAIL", viewer.email(), "TENANT_MAX_GPUS", "4"), Duration.ofMinutes(3));
    assertThat(output).contains("ok   the admin sets max GPUs; after a reload the page shows it",
        "ok   max GPUs above the tenant's cap: the server's 422 message next to the field, nothing saved",
        "ok   a viewer sees the quota read-only");
  }
}
