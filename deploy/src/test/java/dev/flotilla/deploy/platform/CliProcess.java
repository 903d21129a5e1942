package dev.flotilla.deploy.platform;

import dev.flotilla.deploy.cluster.LocalCluster;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** {@code flotilla <command>} run as its own JVM, as the launcher script runs it; its output and exit code. */
record CliProcess(int exitCode, String output) {

  /**
   * Runs the CLI with {@code env} added to this JVM's environment (minus any external-server
   * settings, so that the embedded servers are used). Blocks at most {@code timeout}.
   */
  static CliProcess run(Map<String, String> env, Path logFile, Duration timeout, String... args)
      throws IOException, InterruptedException {
    return runMain("dev.flotilla.deploy.cli.FlotillaCli", env, logFile, timeout, args);
  }

  /** {@link #run} for any main class of this class path. */
  static CliProcess runMain(String mainClass, Map<String, String> env, Path logFile, Duration timeout, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED", "-cp",
        LocalCluster.currentClassPath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
        mainClass));
    cmd.addAll(List.of(args));
    var pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile());
    for (String external : List.of("FLOTILLA_DB_HOST", "FLOTILLA_KEYCLOAK_URL", "FLOTILLA_ADDRESS", "FLOTILLA_TOKEN")) {
      pb.environment().remove(external);
    }
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError(mainClass + " " + String.join(" ", args) + " did not finish within " + timeout
          + "; output:\n" + Files.readString(logFile));
    }
    return new CliProcess(p.exitValue(), Files.readString(logFile));
  }

  /** The value printed after {@code label:} (first word), e.g. {@code URL}. */
  String field(String label) {
    Matcher m = Pattern.compile("(?m)^\\s+" + Pattern.quote(label) + ":\\s+(\\S+)").matcher(output);
    if (!m.find()) {
      throw new AssertionError("no '" + label + ":' line in the output:\n" + output);
    }
    return m.group(1);
  }
}
