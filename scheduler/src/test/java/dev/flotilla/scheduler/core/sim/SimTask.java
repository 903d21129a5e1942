package dev.flotilla.scheduler.core.sim;

import dev.flotilla.scheduler.core.PlacementRequest;
import dev.flotilla.scheduler.core.Resources;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Test-data builder for a task: {@code
 * SimTask.named("t1").job("j").gpus(0.5).runsFor(ofSeconds(3))}.
 */
public final class SimTask {
  private final String id;
  private final Map<String, Double> demand = new TreeMap<>();
  private final Map<String, String> selector = new HashMap<>();
  private final Map<String, Long> argBytes = new HashMap<>();
  private final Set<String> after = new LinkedHashSet<>();
  private String job = "job";
  private Duration runsFor = Duration.ofSeconds(1);
  private long outputBytes;

  private SimTask(String id) {
    this.id = id;
  }

  public static SimTask named(String id) {
    return new SimTask(id);
  }

  public SimTask job(String jobId) {
    this.job = jobId;
    return this;
  }

  public SimTask cpus(double n) {
    demand.put(Resources.CPU, n);
    return this;
  }

  public SimTask gpus(double n) {
    demand.put(Resources.GPU, n);
    return this;
  }

  public SimTask memoryMb(double mb) {
    demand.put(Resources.MEMORY_MB, mb);
    return this;
  }

  public SimTask resource(String name, double amount) {
    demand.put(name, amount);
    return this;
  }

  public SimTask label(String key, String value) {
    selector.put(key, value);
    return this;
  }

  public SimTask argBytesOn(String nodeId, long bytes) {
    argBytes.put(nodeId, bytes);
    return this;
  }

  /** Waits for the objects (in a simulation: the outputs of those tasks). */
  public SimTask after(String... objectIds) {
    after.addAll(Set.of(objectIds));
    return this;
  }

  public SimTask runsFor(Duration d) {
    this.runsFor = d;
    return this;
  }

  /** In a simulation the task's output is an object named after it, of this size. */
  public SimTask outputs(long bytes) {
    this.outputBytes = bytes;
    return this;
  }

  public String id() {
    return id;
  }

  public String jobId() {
    return job;
  }

  public Set<String> dependencies() {
    return Set.copyOf(after);
  }

  public Duration duration() {
    return runsFor;
  }

  public long outputBytes() {
    return outputBytes;
  }

  public PlacementRequest request() {
    return new PlacementRequest(id, id, Resources.of(demand), selector, argBytes);
  }
}
