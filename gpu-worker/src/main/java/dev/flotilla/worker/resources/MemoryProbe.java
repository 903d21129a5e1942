package dev.flotilla.worker.resources;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the node's memory: {@code MemTotal} of {@code /proc/meminfo}, lowered to the cgroup's limit
 * when the worker runs in a container with one (v2 {@code memory.max} or v1 {@code
 * memory.limit_in_bytes}); the JVM's view of physical memory where {@code /proc} is absent.
 */
final class MemoryProbe {

  private static final Pattern MEM_TOTAL = Pattern.compile("(?m)^MemTotal:\\s*(\\d{1,15})\\s*kB");
  private static final long MIB = 1024 * 1024;

  private MemoryProbe() {}

  /** Memory in MiB, reading files under {@code root} (the file-system root outside tests). */
  static long memoryMb(Path root) {
    OptionalLong memTotal =
        read(root.resolve("proc/meminfo"))
            .map(MemoryProbe::memTotalBytes)
            .orElse(OptionalLong.empty());
    long bytes = memTotal.isPresent() ? memTotal.getAsLong() : jvmPhysicalBytes();
    List<Path> limitFiles =
        List.of(
            root.resolve("sys/fs/cgroup/memory.max"),
            root.resolve("sys/fs/cgroup/memory/memory.limit_in_bytes"));
    for (Path file : limitFiles) {
      OptionalLong limit = limitBytes(file);
      if (limit.isPresent() && limit.getAsLong() > 0) {
        bytes = Math.min(bytes, limit.getAsLong());
      }
    }
    return Math.max(1, bytes / MIB);
  }

  /** {@code MemTotal} in bytes, from the text of {@code /proc/meminfo}. */
  static OptionalLong memTotalBytes(String meminfo) {
    Matcher m = MEM_TOTAL.matcher(meminfo);
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1)) * 1024) : OptionalLong.empty();
  }

  /**
   * A cgroup limit in bytes; empty for {@code max}, for v1's "unlimited" (a 19-digit number), for
   * absent files and for anything else.
   */
  private static OptionalLong limitBytes(Path file) {
    return read(file)
        .map(String::strip)
        .filter(text -> text.matches("\\d{1,18}"))
        .map(text -> OptionalLong.of(Long.parseLong(text)))
        .orElse(OptionalLong.empty());
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file));
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  private static long jvmPhysicalBytes() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getTotalMemorySize();
    }
    return Runtime.getRuntime().maxMemory();
  }
}
