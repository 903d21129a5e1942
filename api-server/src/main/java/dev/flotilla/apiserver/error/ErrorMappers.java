package dev.flotilla.apiserver.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.flotilla.apiserver.keycloak.KeycloakException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The single place where exceptions become HTTP answers, all as problem details: bad JSON 400,
 * unknown or mistyped fields 400 (with the field), invalid values 422 (with every field),
 * {@link ApiException}s as they say, Keycloak failures 502 (409 when Keycloak reports a clash),
 * anything else 500 without internals.
 */
public class ErrorMappers {
  private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

  @ServerExceptionMapper
  public Response api(ApiException e) {
    return Problems.response(e.status(), e.title(), e.getMessage(), e.errors());
  }

  @ServerExceptionMapper
  public Response invalid(ConstraintViolationException e) {
    List<Problems.FieldError> errors = e.getConstraintViolations().stream()
        .map(v -> new Problems.FieldError(field(v), v.getMessage()))
        .sorted(Comparator.comparing(Problems.FieldError::field))
        .toList();
    return Problems.response(422, "Unprocessable Content", "the request has invalid fields", errors);
  }

  /** Declared for the subtype too: Quarkus maps it itself (plain JSON) unless a mapper of ours is as specific. */
  @ServerExceptionMapper
  public Response mismatch(MismatchedInputException e) {
    return json(e);
  }

  @ServerExceptionMapper
  public Response json(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      return Problems.response(400, "Bad Request", "unknown field " + u.getPropertyName(),
          List.of(new Problems.FieldError(path(u), "unknown field")));
    }
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return Problems.response(400, "Bad Request", "field " + path(m) + " has the wrong type or shape",
          List.of(new Problems.FieldError(path(m), "wrong type or shape")));
    }
    return Problems.response(400, "Bad Request", "the body is not well-formed JSON");
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e) {
    int status = e.getResponse().getStatus();
    String title = e.getResponse().getStatusInfo().getReasonPhrase();
    if (e.getCause() instanceof JsonProcessingException json) {
      return json(json);
    }
    return Problems.response(status, title, status >= 500 ? null : e.getMessage());
  }

  @ServerExceptionMapper
  public Response keycloak(KeycloakException e) {
    LOG.warnf("keycloak: %s", e.getMessage());
    if (e.status() == 409) {
      return Problems.response(409, "Conflict", "already exists in Keycloak");
    }
    return Problems.response(502, "Bad Gateway", "the identity provider failed; try again");
  }

  @ServerExceptionMapper
  public Response unexpected(Exception e) {
    if (uniqueViolation(e)) {
      // Two requests raced for one name; the loser learns it as the check would have told it.
      return Problems.response(409, "Conflict", "already exists");
    }
    LOG.error("unexpected failure", e);
    return Problems.response(500, "Internal Server Error", null);
  }

  /**
   * The field of a violation: the body's property path ({@code name}, {@code admin.email}); for a
   * parameter, its name ({@code limit}; a missing body is {@code body}).
   */
  private static String field(ConstraintViolation<?> v) {
    List<Path.Node> nodes = StreamSupport.stream(v.getPropertyPath().spliterator(), false).toList();
    List<String> properties = nodes.stream().filter(n -> n.getKind() == ElementKind.PROPERTY).map(Path.Node::getName).toList();
    if (!properties.isEmpty()) {
      return String.join(".", properties);
    }
    return nodes.isEmpty() ? "body" : nodes.getLast().getName();
  }

  /** Whether {@code e} (or a cause) is PostgreSQL's unique-constraint violation (23505). */
  public static boolean uniqueViolation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof io.vertx.pgclient.PgException pg && "23505".equals(pg.getSqlState())) {
        return true;
      }
      if (t instanceof org.hibernate.exception.ConstraintViolationException c
          && (c.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE
              || "23505".equals(c.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
