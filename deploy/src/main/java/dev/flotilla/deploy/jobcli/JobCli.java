package dev.flotilla.deploy.jobcli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code ./flotilla job submit --jar app.jar --main com.x.Main [--cpus N] [--gpus N] [--name n]
 * [--idempotency-key k] -- args...}, {@code job list}, {@code job logs [-f] <id>}, {@code job stop <id>}.
 * Exit status 0 on success, 1 when the api-server refused (its message printed), 2 on bad usage.
 */
public final class JobCli {
  static final String USAGE = """
      usage: ./flotilla job submit --jar app.jar --main com.x.Main [--cpus N] [--gpus N] [--name n] [--idempotency-key k] [-- args...]
             ./flotilla job list
             ./flotilla job logs [-f] <id>
             ./flotilla job stop <id>
      options for all: --tenant t --workspace w (or FLOTILLA_TENANT / FLOTILLA_WORKSPACE; default demo / default)
      environment: FLOTILLA_TOKEN (an API token), FLOTILLA_API (default: what ./flotilla up wrote, else http://127.0.0.1:8080)""";

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;

  public JobCli(PrintStream out, PrintStream err, Map<String, String> env) {
    this.out = out;
    this.err = err;
    this.env = env;
  }

  public static void main(String[] args) {
    System.exit(new JobCli(System.out, System.err, System.getenv()).run(List.of(args)));
  }

  public int run(List<String> argv) {
    JobOptions o;
    try {
      o = JobOptions.parse(argv);
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return 2;
    }
    String token = env.get("FLOTILLA_TOKEN");
    if (token == null || token.isBlank()) {
      err.println("FLOTILLA_TOKEN is not set: create an API token (POST .../workspaces/{w}/tokens) and export it");
      return 2;
    }
    JobsClient api = new JobsClient(apiUrl(), o.value("tenant", env.getOrDefault("FLOTILLA_TENANT", "demo")),
        o.value("workspace", env.getOrDefault("FLOTILLA_WORKSPACE", "default")), token);
    try {
      return switch (o.command()) {
        case "submit" -> submit(api, o);
        case "list" -> list(api);
        case "logs" -> logs(api, o.operand(), o.flag("f"));
        case "stop" -> show(api.post("/" + o.operand() + "/stop"), j -> out.println(j.get("id").getAsString() + " "
            + j.get("status").getAsString()));
        default -> throw new IllegalStateException(o.command());
      };
    } catch (IllegalStateException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  private int submit(JobsClient api, JobOptions o) {
    Path jar = Path.of(o.required("jar"));
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(jar);
    } catch (IOException e) {
      err.println("cannot read " + jar + ": " + e.getMessage());
      return 2;
    }
    JsonObject spec = new JsonObject();
    if (o.value("name", null) != null) {
      spec.addProperty("name", o.value("name", null));
    }
    spec.addProperty("mainClass", o.required("main"));
    JsonArray args = new JsonArray();
    o.rest().forEach(args::add);
    spec.add("args", args);
    JsonObject resources = new JsonObject();
    resources.addProperty("cpus", Integer.parseInt(o.value("cpus", "1")));
    resources.addProperty("gpus", Integer.parseInt(o.value("gpus", "0")));
    spec.add("resources", resources);
    return show(api.submit(bytes, spec.toString(), o.value("idempotency-key", null)),
        j -> out.println(j.get("id").getAsString()));
  }

  private int list(JobsClient api) {
    JobsClient.Answer a = api.get("");
    if (a.status() != 200) {
      return refused(a);
    }
    out.printf("%-36s  %-9s  %-24s  %s%n", "ID", "STATUS", "CREATED", "MAIN");
    for (JsonElement e : JsonParser.parseString(a.body()).getAsJsonArray()) {
      JsonObject j = e.getAsJsonObject();
      out.printf("%-36s  %-9s  %-24s  %s%n", j.get("id").getAsString(), j.get("status").getAsString(),
          j.get("createdAt").getAsString(), j.get("mainClass").getAsString());
    }
    return 0;
  }

  /**
   * Without -f, the lines so far; with -f, the api-server's stream ({@code logs?follow=true}):
   * lines as they are stored, until the job has ended.
   */
  private int logs(JobsClient api, String id, boolean follow) {
    if (!follow) {
      JobsClient.Answer a = api.get("/" + id + "/logs");
      if (a.status() != 200) {
        return refused(a);
      }
      out.print(a.body());
      out.flush();
      return 0;
    }
    try {
      HttpResponse<InputStream> r = api.stream("/" + id + "/logs?follow=true");
      try (InputStream body = r.body()) {
        if (r.statusCode() != 200) {
          return refused(new JobsClient.Answer(r.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8)));
        }
        byte[] buf = new byte[8192];
        for (int n; (n = body.read(buf)) >= 0; ) {
          out.write(buf, 0, n);
          out.flush();
        }
      }
      return 0;
    } catch (IOException e) {
      err.println("the log stream from " + api.base() + " broke: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private int show(JobsClient.Answer a, java.util.function.Consumer<JsonObject> print) {
    if (a.status() / 100 != 2) {
      return refused(a);
    }
    print.accept(JsonParser.parseString(a.body()).getAsJsonObject());
    return 0;
  }

  /** The api-server's problem details as one clear line. */
  private int refused(JobsClient.Answer a) {
    String detail = a.body();
    try {
      JsonObject p = JsonParser.parseString(a.body()).getAsJsonObject();
      detail = p.has("detail") ? p.get("detail").getAsString() : p.get("title").getAsString();
    } catch (RuntimeException notJson) {
      // keep the raw body
    }
    String hint = switch (a.status()) {
      case 401 -> " (FLOTILLA_TOKEN is missing, expired, revoked or not for this workspace)";
      case 403 -> " (your role in this workspace does not allow it)";
      case 404 -> " (no such tenant, workspace or job here)";
      default -> "";
    };
    err.println("HTTP " + a.status() + ": " + detail + hint);
    return 1;
  }

  private String apiUrl() {
    String api = env.get("FLOTILLA_API");
    if (api != null && !api.isBlank()) {
      return api;
    }
    String home = env.get("FLOTILLA_HOME");
    Path state = (home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".flotilla")).resolve("platform.state");
    try {
      if (Files.isRegularFile(state)) {
        for (String line : Files.readAllLines(state)) {
          if (line.startsWith("api.url=")) {
            return line.substring("api.url=".length());
          }
        }
      }
    } catch (IOException e) {
      err.println("cannot read " + state + " (" + e.getMessage() + "); using http://127.0.0.1:8080");
    }
    return "http://127.0.0.1:8080";
  }
}
