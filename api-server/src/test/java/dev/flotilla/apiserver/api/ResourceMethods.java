package dev.flotilla.apiserver.api;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every JAX-RS resource method the api-server serves, found by scanning its compiled classes
 * ({@code target/classes}) for {@code @Path} classes, so a test built on this list cannot forget a
 * new endpoint.
 */
public final class ResourceMethods {
  private static final Map<Class<? extends Annotation>, String> VERBS = Map.of(GET.class, "GET", POST.class, "POST",
      PUT.class, "PUT", PATCH.class, "PATCH", DELETE.class, "DELETE", HEAD.class, "HEAD", OPTIONS.class, "OPTIONS");

  /** One endpoint: verb, full path template ({@code /api/v1/tenants/{tenant}}), the Java method. */
  public record ResourceMethod(String verb, String template, Method method) {
    public String key() {
      return verb + " " + template;
    }
  }

  private ResourceMethods() {}

  public static List<ResourceMethod> all() {
    java.nio.file.Path root = java.nio.file.Path.of("target", "classes");
    List<ResourceMethod> found = new ArrayList<>();
    try (Stream<java.nio.file.Path> files = Files.walk(root.resolve("dev/flotilla/apiserver"))) {
      for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
        String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> type = Class.forName(name, false, ResourceMethods.class.getClassLoader());
        Path classPath = type.getAnnotation(Path.class);
        if (classPath != null) {
          for (Method m : type.getDeclaredMethods()) {
            verb(m).ifPresent(v -> found.add(new ResourceMethod(v, join(classPath.value(), m.getAnnotation(Path.class)), m)));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan " + root, e);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    if (found.isEmpty()) {
      throw new IllegalStateException("no resource methods under " + root.toAbsolutePath());
    }
    return found;
  }

  private static java.util.Optional<String> verb(Method m) {
    return VERBS.entrySet().stream().filter(e -> m.isAnnotationPresent(e.getKey())).map(Map.Entry::getValue).findFirst();
  }

  private static String join(String base, Path sub) {
    String path = sub == null ? base : base + "/" + sub.value();
    return path.replaceAll("/+", "/").replaceAll("/$", "");
  }
}
