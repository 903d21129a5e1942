package dev.flotilla.deploy.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code flotilla up} started, in {@code <home>/platform.state} (mode 0600, no secrets): the
 * processes in start order, each as {@code process.<role>=<pid> <start-millis>} so that a reused
 * pid is never mistaken for ours, and plain settings ({@code api.url}, {@code postgres.base}, …).
 * Rewritten after every start, so a failed {@code up} leaves what {@code down} needs. Not thread-safe.
 */
final class PlatformState {
  private static final String PROCESS = "process.";
  private final Path file;
  private final Map<String, String> entries = new LinkedHashMap<>();

  private PlatformState(Path file) {
    this.file = file;
  }

  /** A recorded process of ours. */
  record Recorded(String role, long pid, long startMillis) {
    /** The process, while it is alive and still the one we started. */
    Optional<ProcessHandle> live() {
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .filter(h -> h.info().startInstant().map(i -> i.toEpochMilli() == startMillis).orElse(true));
    }
  }

  static PlatformState load(Path home) {
    var state = new PlatformState(home.resolve("platform.state"));
    if (Files.isRegularFile(state.file)) {
      try {
        for (String line : Files.readAllLines(state.file)) {
          int eq = line.indexOf('=');
          if (eq > 0) {
            state.entries.put(line.substring(0, eq), line.substring(eq + 1));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + state.file, e);
      }
    }
    return state;
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  Optional<String> get(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  void put(String key, String value) {
    entries.put(key, value);
    save();
  }

  void addProcess(String role, ProcessHandle handle) {
    long start = handle.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    entries.put(PROCESS + role, handle.pid() + " " + start);
    save();
  }

  /** Recorded processes in start order. */
  List<Recorded> processes() {
    List<Recorded> out = new ArrayList<>();
    entries.forEach((k, v) -> {
      if (k.startsWith(PROCESS)) {
        String[] parts = v.trim().split(" ");
        out.add(new Recorded(k.substring(PROCESS.length()), Long.parseLong(parts[0]),
            parts.length > 1 ? Long.parseLong(parts[1]) : 0));
      }
    });
    return out;
  }

  List<Recorded> liveProcesses() {
    return processes().stream().filter(p -> p.live().isPresent()).toList();
  }

  void delete() {
    entries.clear();
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  private void save() {
    List<String> lines = new ArrayList<>();
    entries.forEach((k, v) -> lines.add(k + "=" + v));
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(tmp, lines);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
