package dev.flotilla.apiserver.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.flotilla.apiserver.EmbeddedServers;
import dev.flotilla.apiserver.ItPlatform;
import dev.flotilla.apiserver.ItTokens;
import dev.flotilla.apiserver.ItUser;
import dev.flotilla.apiserver.ItWorld;
import dev.flotilla.apiserver.auth.Allow;
import dev.flotilla.apiserver.auth.Rule;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The role matrix: every endpoint of {@link Endpoints#ALL} called by every kind of caller of a
 * shared and of a dedicated tenant (platform admin, tenant admin, workspace admin, member, viewer, a tenant user of
 * another workspace, a member's API token, nobody). Each call either succeeds (2xx) because the
 * endpoint's rule admits the caller, or is refused: 401 without credentials or with a token of
 * another realm than the path's (platform realm on a dedicated tenant's paths and the reverse),
 * else 403.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedServers.class)
class RoleMatrixIT {

  private record Caller(String name, Supplier<String> bearer, Set<Rule> admitted, boolean apiToken) {}

  @TestFactory
  Stream<DynamicTest> everyEndpoint_everyCaller_admittedOnlyByItsRule() {
    return Stream.concat(matrix(ItWorld.sharedA()), matrix(ItWorld.dedicated()));
  }

  private static Stream<DynamicTest> matrix(ItWorld w) {
    Set<Rule> ws = Set.of(Rule.WORKSPACE_ADMIN, Rule.WORKSPACE_MEMBER, Rule.WORKSPACE_VIEWER);
    List<Caller> callers = List.of(
        new Caller("nobody", () -> null, Set.of(), false),
        new Caller("platform admin", ItPlatform::platformAdminToken, Set.of(Rule.PLATFORM_ADMIN), false),
        new Caller("tenant admin", w.tenant::adminToken,
            Set.of(Rule.TENANT_ADMIN, Rule.WORKSPACE_ADMIN, Rule.WORKSPACE_MEMBER, Rule.WORKSPACE_VIEWER), false),
        new Caller("workspace admin", w.admin::token, ws, false),
        new Caller("member", w.member::token, Set.of(Rule.WORKSPACE_MEMBER, Rule.WORKSPACE_VIEWER), false),
        new Caller("viewer", w.viewer::token, Set.of(Rule.WORKSPACE_VIEWER), false),
        new Caller("user of another workspace", w.outsider::token, Set.of(), false),
        new Caller("member's API token", () -> w.memberToken.secret(),
            Set.of(Rule.WORKSPACE_MEMBER, Rule.WORKSPACE_VIEWER), true));
    Map<String, Allow> rules = ResourceMethods.all().stream().collect(Collectors.toMap(
        ResourceMethods.ResourceMethod::key, m -> m.method().getAnnotation(Allow.class)));
    boolean dedicated = w.tenant.mode().equals("dedicated");
    Endpoints.Scene scene = new FreshScene(w);
    List<DynamicTest> tests = new ArrayList<>();
    for (Endpoints.Endpoint e : Endpoints.ALL) {
      for (Caller c : callers) {
        boolean admitted = c.admitted().contains(e.rule()) && (!c.apiToken() || rules.get(e.key()).apiTokens());
        // Tokens are verified against the realm of the path: a platform-realm token on a dedicated
        // tenant's paths, and a dedicated realm's token on the platform's paths, fail (401).
        boolean platformPath = e.rule() == Rule.PLATFORM_ADMIN;
        boolean platformToken = c.name().equals("platform admin");
        boolean unverified = c.name().equals("nobody")
            || (dedicated && !c.apiToken() && platformToken != platformPath);
        String name = w.tenant.mode() + ": " + e.key() + " as " + c.name() + (admitted ? " -> 2xx" : " -> refused");
        tests.add(dynamicTest(name, () -> {
          Response r = ItCalls.send(e.call().apply(scene), c.bearer().get());
          if (admitted) {
            assertThat(r.statusCode()).as(r.asString()).isBetween(200, 299);
          } else {
            assertThat(r.statusCode()).as(r.asString()).isEqualTo(unverified ? 401 : 403);
          }
        }));
      }
    }
    return tests.stream();
  }

  /** Fresh targets for every call, so that a call that succeeds cannot spoil the next one. */
  private record FreshScene(ItWorld w) implements Endpoints.Scene {
    @Override
    public String tenant() {
      return w.tenant.name();
    }

    @Override
    public String workspace() {
      return w.workspace;
    }

    @Override
    public String disposableWorkspace() {
      return w.tenant.createWorkspace("disp");
    }

    @Override
    public String disposableMember() {
      return w.tenant.inviteOnly(w.workspace, "viewer").id();
    }

    @Override
    public String invitation() {
      ItUser invited = w.tenant.inviteOnly(w.workspace, "viewer");
      return w.tenant.invitationId(w.workspace, invited.email());
    }

    @Override
    public String memberToken() {
      return ItTokens.create(w.member.token(), w.tenant.name(), w.workspace).id();
    }

    @Override
    public String disposableTenant() {
      return ItPlatform.createTenantOnly("shared").name();
    }

    @Override
    public String notebook() {
      return ItNotebooks.create(w.tenant.adminToken(), w.tenant.name(), w.workspace, "matrix");
    }

    @Override
    public String job() {
      return JobUploads.submit(w.tenant.adminToken(), w.tenant.name(), w.workspace, ItPlatform.unique("key"));
    }
  }
}
