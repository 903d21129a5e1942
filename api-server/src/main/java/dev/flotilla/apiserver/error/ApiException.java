package dev.flotilla.apiserver.error;

import java.util.List;

/** A refusal the caller can act on: its status, title, message and, for validation, the fields. */
public class ApiException extends RuntimeException {
  private final int status;
  private final String title;
  private final List<Problems.FieldError> errors;

  private ApiException(int status, String title, String message, List<Problems.FieldError> errors) {
    super(message);
    this.status = status;
    this.title = title;
    this.errors = errors;
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "Not Found", message, List.of());
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, "Conflict", message, List.of());
  }

  /** 413: the request (or a part of it) is over a size cap. */
  public static ApiException tooLarge(String message) {
    return new ApiException(413, "Content Too Large", message, List.of());
  }

  /** 503: a part of the platform this request needs cannot be reached now; retrying later may work. */
  public static ApiException unavailable(String message) {
    return new ApiException(503, "Service Unavailable", message, List.of());
  }

  /** 422 for one field. */
  public static ApiException invalid(String field, String message) {
    return new ApiException(422, "Unprocessable Content", field + ": " + message,
        List.of(new Problems.FieldError(field, message)));
  }

  /** 422 for several fields at once. */
  public static ApiException invalid(List<Problems.FieldError> errors) {
    return new ApiException(422, "Unprocessable Content", "the request has invalid fields", List.copyOf(errors));
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<Problems.FieldError> errors() {
    return errors;
  }
}
