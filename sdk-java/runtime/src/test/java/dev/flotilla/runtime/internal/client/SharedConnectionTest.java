package dev.flotilla.runtime.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.api.Flotilla;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedConnectionTest {
  private final List<String> calls = new ArrayList<>();
  private final Flotilla owner = (Flotilla) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Flotilla.class},
      (proxy, method, args) -> {
        calls.add(method.getName());
        return method.getName().equals("jobId") ? "job-7" : null;
      });

  @Test
  void close_leavesTheOwnerOpen_andEveryCallGoesToTheOwner() {
    try (Flotilla fl = new SharedConnection(owner)) {
      assertThat(fl.jobId()).isEqualTo("job-7");
      fl.put(42);
      fl.get(List.of(), Duration.ofSeconds(1));
      fl.taskOf(null);
    }
    assertThat(calls).containsExactly("jobId", "put", "get", "taskOf");
  }
}
