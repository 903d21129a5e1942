package dev.flotilla.worker.resources;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link CommandRunner} over {@link ProcessBuilder}. Output is read on a virtual thread so that a
 * command that hangs (nvidia-smi does, with a wedged driver) is killed at the deadline instead of
 * blocking the worker's start.
 */
final class ProcessCommandRunner implements CommandRunner {

  private static final System.Logger LOG = System.getLogger(ProcessCommandRunner.class.getName());

  private final Duration timeout;

  ProcessCommandRunner(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public Optional<String> run(List<String> command) {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      process.getOutputStream().close();
    } catch (IOException e) {
      LOG.log(DEBUG, "{0} is not available: {1}", command.getFirst(), e.getMessage());
      return Optional.empty();
    }
    CompletableFuture<String> stdout = new CompletableFuture<>();
    Thread.ofVirtual()
        .name("read-" + command.getFirst())
        .start(() -> readAll(process.getInputStream(), stdout));
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.log(WARNING, "{0} did not finish within {1}; killed it", command, timeout);
        return Optional.empty();
      }
      if (process.exitValue() != 0) {
        LOG.log(INFO, "{0} exited with {1}", command, process.exitValue());
        return Optional.empty();
      }
      return Optional.of(stdout.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(WARNING, "cannot read the output of {0}: {1}", command, e.toString());
      return Optional.empty();
    } finally {
      process.destroyForcibly();
    }
  }

  private static void readAll(InputStream in, CompletableFuture<String> into) {
    try (in) {
      into.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      into.completeExceptionally(e);
    }
  }
}
