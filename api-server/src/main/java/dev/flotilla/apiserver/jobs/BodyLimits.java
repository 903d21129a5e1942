package dev.flotilla.apiserver.jobs;

import dev.flotilla.apiserver.error.Problems;
import dev.flotilla.apiserver.notebook.NotebooksConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * Request size caps per endpoint. Quarkus has one global body limit, raised to fit a code
 * package; this first handler answers 413 (problem details) to a job submission over the package
 * cap, to a notebook save or import over the notebook cap, and to any other body over the JSON
 * cap, judged by {@code Content-Length}. A body of
 * unknown length is refused with 411 except on submissions, where the global limit bounds it.
 */
@ApplicationScoped
public class BodyLimits {
  private static final Pattern SUBMIT = Pattern.compile("/api/v1/tenants/[^/]+/workspaces/[^/]+/jobs/?");
  private static final Pattern NOTEBOOK_CONTENT =
      Pattern.compile("/api/v1/tenants/[^/]+/workspaces/[^/]+/notebooks/(import|[^/]+/content)/?");
  /** Room for the multipart framing and the spec part around the package. */
  private static final long MULTIPART_OVERHEAD = 1024 * 1024;

  private final JobsConfig config;
  private final NotebooksConfig notebooks;

  BodyLimits(JobsConfig config, NotebooksConfig notebooks) {
    this.config = config;
    this.notebooks = notebooks;
  }

  void install(@Observes Router router) {
    router.route().order(-1000).handler(this::check);
  }

  private void check(RoutingContext rc) {
    HttpMethod m = rc.request().method();
    if (m != HttpMethod.POST && m != HttpMethod.PUT && m != HttpMethod.PATCH) {
      rc.next();
      return;
    }
    boolean submit = m == HttpMethod.POST && SUBMIT.matcher(rc.request().path()).matches();
    boolean notebook = !submit && NOTEBOOK_CONTENT.matcher(rc.request().path()).matches();
    long cap = submit ? config.maxPackageBytes() + MULTIPART_OVERHEAD
        : notebook ? notebooks.maxContentBytes() : config.maxJsonBodyBytes();
    String length = rc.request().getHeader("Content-Length");
    if (length == null) {
      if (submit || rc.request().getHeader("Transfer-Encoding") == null) {
        rc.next();
      } else {
        refuse(rc, 411, "Length Required", "send Content-Length with the body");
      }
      return;
    }
    long n;
    try {
      n = Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      refuse(rc, 400, "Bad Request", "Content-Length is not a number");
      return;
    }
    if (n > cap) {
      refuse(rc, 413, "Content Too Large", submit
          ? "a job submission may carry a code package of at most " + config.maxPackageBytes() + " bytes"
          : "the body is over " + cap + " bytes");
      return;
    }
    rc.next();
  }

  private static void refuse(RoutingContext rc, int status, String title, String detail) {
    String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
        + ",\"detail\":\"" + detail + "\"}";
    rc.response().setStatusCode(status).putHeader("Content-Type", Problems.MEDIA_TYPE)
        .putHeader("Connection", "close").end(body);
  }
}
