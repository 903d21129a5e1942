package dev.flotilla.apiserver.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** When a kernel counts as idle for culling, on a manual clock. */
class KernelIdleTest {
  private static final Duration TIMEOUT = Duration.ofMinutes(30);
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T10:00:00Z"));
  private final KernelSession session = new KernelSession("k", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
      "s", new ObjectMapper(), now::get);

  private static KernelSession.Client client(String key) {
    return new KernelSession.Client() {
      @Override
      public String key() {
        return key;
      }

      @Override
      public void send(String json) {}
    };
  }

  private void advance(Duration d) {
    now.set(now.get().plus(d));
  }

  @Test
  void aKernelWithABrowserConnected_isNeverIdle() {
    session.join(client("a"));
    advance(Duration.ofHours(5));
    assertThat(Kernels.idle(session, now.get(), TIMEOUT)).isFalse();
  }

  @Test
  void idleCountsFromTheLastBrowserLeaving_untilTheTimeout() {
    var a = client("a");
    session.join(a);
    advance(Duration.ofHours(2));
    session.leave(a);
    advance(TIMEOUT.minusSeconds(1));
    assertThat(Kernels.idle(session, now.get(), TIMEOUT)).isFalse();
    advance(Duration.ofSeconds(1));
    assertThat(Kernels.idle(session, now.get(), TIMEOUT)).isTrue();
  }

  @Test
  void aNeverOpenedKernel_isIdleAfterTheTimeoutFromItsStart() {
    advance(TIMEOUT);
    assertThat(Kernels.idle(session, now.get(), TIMEOUT)).isTrue();
  }
}
