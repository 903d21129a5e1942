package dev.flotilla.apiserver.error;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem details ({@code application/problem+json}): every error answer of the API has
 * this shape; validation failures add {@code errors}, one {@code {field, message}} per field.
 */
public final class Problems {
  public static final String MEDIA_TYPE = "application/problem+json";

  private Problems() {}

  /** One invalid field of a request. */
  public record FieldError(String field, String message) {}

  public static Response response(int status, String title, String detail) {
    return response(status, title, detail, List.of());
  }

  public static Response response(int status, String title, String detail, List<FieldError> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    if (detail != null) {
      body.put("detail", detail);
    }
    if (!errors.isEmpty()) {
      body.put("errors", errors);
    }
    Response.ResponseBuilder r = Response.status(status).type(MEDIA_TYPE).entity(body);
    if (status == 401) {
      r.header("WWW-Authenticate", "Bearer");
    }
    return r.build();
  }
}
