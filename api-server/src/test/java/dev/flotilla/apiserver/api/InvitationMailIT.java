package dev.flotilla.apiserver.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItMailServer;
import dev.flotilla.apiserver.ItMime;
import dev.flotilla.apiserver.ItPlatform;
import dev.flotilla.apiserver.ItSmtpServer;
import dev.flotilla.apiserver.ItTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Invitation e-mails sent by the real Keycloak through a real SMTP server on loopback
 * ({@link ItSmtpServer}, configured by {@link ItMailServer}): one e-mail per invitation from the
 * configured sender, whose action link opens Keycloak's required-action page of the tenant's
 * realm (the platform realm for a shared tenant, its own for a dedicated one); with the SMTP
 * server down the admin gets 503, the invitation stands and says failed, and a resend works once
 * the server is back.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
@QuarkusTestResource(value = ItMailServer.class, restrictToAnnotatedClass = true)
class InvitationMailIT {
  private static final Duration MAIL_WAIT = Duration.ofSeconds(30);
  private static final Pattern ACTION_LINK =
      Pattern.compile("https?://[^\\s\"<>]+/realms/([^/\\s\"<>]+)/login-actions/action-token\\?[^\\s\"<>]+");

  @Test
  void invite_shared_oneEmailFromSenderWhoseLinkOpensRequiredActions() throws Exception {
    ItTenant t = ItPlatform.createTenant("shared");
    String ws = t.createWorkspace("mail");
    String email = ItPlatform.unique("new") + "@" + t.name() + ".example";

    given().auth().oauth2(t.adminToken()).contentType(ContentType.JSON).body(Map.of("email", email, "role", "member"))
        .post(t.path() + "/workspaces/" + ws + "/members").then().statusCode(201)
        .body("email", equalTo(email)).body("invitation.mail.status", equalTo("sent"))
        .body("invitation.mail.message", containsString(email));

    ItSmtpServer.Message mail = ItMailServer.server().awaitFor(email, MAIL_WAIT);
    assertThat(ItMailServer.server().receivedBy(email)).hasSize(1);
    assertThat(mail.from()).isEqualTo(ItMailServer.FROM);
    assertThat(ItMime.headers(mail.data()).get("from")).contains(ItMailServer.FROM);
    Matcher link = actionLink(mail);
    assertThat(link.group(1)).isEqualTo(ItPlatform.platformRealm()).isEqualTo(t.realm());

    HttpResponse<String> page = follow(link.group());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Update Password");
    given().auth().oauth2(t.adminToken()).get(t.path() + "/workspaces/" + ws + "/invitations").then().statusCode(200)
        .body("find { it.email == '" + email + "' }.mail.status", equalTo("sent"));
  }

  @Test
  void invite_dedicated_emailFromItsOwnRealm() throws Exception {
    ItTenant t = ItPlatform.createTenant("dedicated");
    String ws = t.createWorkspace("mail");
    String email = ItPlatform.unique("ded") + "@" + t.name() + ".example";
    JsonObject smtp = new JsonObject(ItPlatform.keycloak().get("/" + t.realm())).getJsonObject("smtpServer");
    assertThat(smtp.getString("port")).isEqualTo(String.valueOf(ItMailServer.server().port()));

    given().auth().oauth2(t.adminToken()).contentType(ContentType.JSON).body(Map.of("email", email, "role", "viewer"))
        .post(t.path() + "/workspaces/" + ws + "/members").then().statusCode(201)
        .body("invitation.mail.status", equalTo("sent"));

    ItSmtpServer.Message mail = ItMailServer.server().awaitFor(email, MAIL_WAIT);
    assertThat(mail.from()).isEqualTo(ItMailServer.FROM);
    Matcher link = actionLink(mail);
    assertThat(link.group(1)).isEqualTo(t.realm()).isNotEqualTo(ItPlatform.platformRealm());
    assertThat(follow(link.group()).statusCode()).isEqualTo(200);
  }

  @Test
  void smtpDown_503_invitationStoredFailedAndAudited_thenResendDelivers() throws Exception {
    ItTenant t = ItPlatform.createTenant("shared");
    String ws = t.createWorkspace("down");
    String email = ItPlatform.unique("late") + "@" + t.name() + ".example";
    String invitations = t.path() + "/workspaces/" + ws + "/invitations";
    ItSmtpServer smtp = ItMailServer.server();
    smtp.stop();
    try {
      given().auth().oauth2(t.adminToken()).contentType(ContentType.JSON).body(Map.of("email", email, "role", "member"))
          .post(t.path() + "/workspaces/" + ws + "/members").then().statusCode(503)
          .contentType("application/problem+json")
          .body("detail", containsString("could not send the e-mail to " + email));
    } finally {
      smtp.restart();
    }
    given().auth().oauth2(t.adminToken()).get(t.path() + "/workspaces/" + ws + "/members").then().statusCode(200)
        .body("email", hasItem(email));
    String id = given().auth().oauth2(t.adminToken()).get(invitations).then().statusCode(200)
        .body("find { it.email == '" + email + "' }.mail.status", equalTo("failed"))
        .extract().path("find { it.email == '" + email + "' }.id");
    given().auth().oauth2(t.adminToken()).get(t.path() + "/audit").then().statusCode(200)
        .body("find { it.action == 'member.invite' && it.detail?.startsWith('" + email + "') }.detail",
            containsString("e-mail failed"));
    assertThat(smtp.receivedBy(email)).isEmpty();

    given().auth().oauth2(t.adminToken()).post(invitations + "/" + id + "/resend").then().statusCode(200)
        .body("mail.status", equalTo("sent"));
    assertThat(actionLink(smtp.awaitFor(email, MAIL_WAIT)).group(1)).isEqualTo(t.realm());
  }

  private static Matcher actionLink(ItSmtpServer.Message mail) {
    Matcher m = ACTION_LINK.matcher(mail.text().replace("&amp;", "&"));
    assertThat(m.find()).as("an action link in: %s", mail.text()).isTrue();
    return m;
  }

  /** Opens the link as a browser would (cookies kept, redirects followed). */
  private static HttpResponse<String> follow(String link) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    return browser.send(HttpRequest.newBuilder(URI.create(link)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
