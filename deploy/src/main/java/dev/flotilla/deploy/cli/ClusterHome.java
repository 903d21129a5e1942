package dev.flotilla.deploy.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files of a single-machine cluster under {@code ~/.flotilla}: {@code address} (what
 * drivers connect to), {@code cluster.pids} (what {@code stop} stops) and {@code logs/}.
 */
record ClusterHome(Path dir) {
  static ClusterHome defaultHome() {
    String override = System.getenv("FLOTILLA_HOME");
    return new ClusterHome(override != null && !override.isBlank()
        ? Path.of(override) : Path.of(System.getProperty("user.home"), ".flotilla"));
  }

  Path addressFile() {
    return dir.resolve("address");
  }

  Path pidsFile() {
    return dir.resolve("cluster.pids");
  }

  Path logs() {
    return dir.resolve("logs");
  }

  Optional<String> address() {
    try {
      return Files.isRegularFile(addressFile()) ? Optional.of(Files.readString(addressFile()).trim()) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The recorded processes still alive. */
  List<ProcessHandle> liveProcesses() {
    List<ProcessHandle> out = new ArrayList<>();
    if (!Files.isRegularFile(pidsFile())) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(pidsFile())) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length == 2) {
          ProcessHandle.of(Long.parseLong(parts[1])).filter(ProcessHandle::isAlive).ifPresent(out::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  void write(String address, List<String> pidLines) {
    try {
      Files.createDirectories(dir);
      Files.writeString(addressFile(), address + "\n");
      Files.write(pidsFile(), pidLines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void clear() {
    try {
      Files.deleteIfExists(pidsFile());
      Files.deleteIfExists(addressFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
