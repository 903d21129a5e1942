package dev.flotilla.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the figures were measured on: CPUs, model, memory, JDK, and the load average (other
 * processes share these cores).
 */
record MachineInfo(int cpus, String cpuModel, long memoryBytes, String jdk, String os) {

  static MachineInfo current() {
    long mem = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getTotalMemorySize()
        : -1;
    return new MachineInfo(
        Runtime.getRuntime().availableProcessors(),
        readCpuModel(),
        mem,
        System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " " + Runtime.version(),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
  }

  /** The 1-minute load average, or -1 where the platform has none. */
  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static String readCpuModel() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
      for (String l : lines) {
        if (l.startsWith("model name")) {
          return l.substring(l.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return System.getProperty("os.arch");
  }

  String describe() {
    return "%d CPUs (%s), %.1f GiB RAM, %s, %s".formatted(cpus, cpuModel, memoryBytes / (double) (1L << 30), jdk, os);
  }
}
