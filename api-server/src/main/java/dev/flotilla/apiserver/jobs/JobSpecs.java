package dev.flotilla.apiserver.jobs;

import dev.flotilla.apiserver.error.ApiException;
import dev.flotilla.apiserver.error.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks a submission's spec and idempotency key; every invalid field is named (422). Pure. */
final class JobSpecs {
  private static final Pattern CLASS_NAME =
      Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*");
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");
  static final int MAX_ARGS = 1000;
  static final int MAX_ARG_CHARS = 8192;

  /** A spec with its defaults filled in. */
  record Checked(String name, String mainClass, List<String> args, int cpus, int gpus) {}

  Checked check(JobDtos.Spec spec) {
    if (spec == null) {
      throw ApiException.invalid("spec", "a spec part (JSON: mainClass, args, resources) is required");
    }
    List<Problems.FieldError> errors = new ArrayList<>();
    if (spec.mainClass() == null || spec.mainClass().length() > 500 || !CLASS_NAME.matcher(spec.mainClass()).matches()) {
      errors.add(new Problems.FieldError("mainClass", "a Java class name such as com.example.Main"));
    }
    if (spec.name() != null && (spec.name().isBlank() || spec.name().length() > 200)) {
      errors.add(new Problems.FieldError("name", "1 to 200 characters"));
    }
    List<String> args = spec.args() == null ? List.of() : spec.args();
    if (args.size() > MAX_ARGS || args.stream().anyMatch(a -> a == null || a.length() > MAX_ARG_CHARS)) {
      errors.add(new Problems.FieldError("args", "at most " + MAX_ARGS + " strings of at most " + MAX_ARG_CHARS
          + " characters, none null"));
    }
    Integer cpus = spec.resources() == null || spec.resources().cpus() == null ? 1 : spec.resources().cpus();
    Integer gpus = spec.resources() == null || spec.resources().gpus() == null ? 0 : spec.resources().gpus();
    if (cpus < 0 || cpus > 1024) {
      errors.add(new Problems.FieldError("resources.cpus", "0 to 1024"));
    }
    if (gpus < 0 || gpus > 64) {
      errors.add(new Problems.FieldError("resources.gpus", "0 to 64"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    return new Checked(spec.name(), spec.mainClass(), List.copyOf(args), cpus, gpus);
  }

  /** The client's key, checked; a fresh one when the request has none. */
  String key(String idempotencyKey) {
    if (idempotencyKey == null) {
      return "auto-" + UUID.randomUUID();
    }
    if (!KEY.matcher(idempotencyKey).matches()) {
      throw ApiException.invalid("Idempotency-Key", "1 to 200 visible ASCII characters");
    }
    return idempotencyKey;
  }
}
