package dev.flotilla.apiserver.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class KernelTicketsTest {
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-04T00:00:00Z"));
  private final KernelTickets tickets = new KernelTickets(now::get, Duration.ofMinutes(1));
  private final UUID notebook = UUID.randomUUID();

  private String issue() {
    return tickets.issue(new KernelTickets.Scope("acme", "vision", notebook, "user-1"));
  }

  @Test
  void aTicketOpensItsOwnNotebookOnce() {
    String t = issue();
    assertThat(tickets.redeem(t, "acme", "vision", notebook)).map(KernelTickets.Scope::subject).contains("user-1");
    assertThat(tickets.redeem(t, "acme", "vision", notebook)).isEmpty();
  }

  @Test
  void aTicketForAnotherNotebookWorkspaceOrTenant_opensNothing_andIsUsedUp() {
    String t = issue();
    assertThat(tickets.redeem(t, "acme", "vision", UUID.randomUUID())).isEmpty();
    assertThat(tickets.redeem(t, "acme", "vision", notebook)).isEmpty();
    assertThat(tickets.redeem(issue(), "acme", "other", notebook)).isEmpty();
    assertThat(tickets.redeem(issue(), "evil", "vision", notebook)).isEmpty();
  }

  @Test
  void anExpiredOrUnknownTicket_opensNothing() {
    String t = issue();
    now.set(now.get().plus(Duration.ofSeconds(60)));
    assertThat(tickets.redeem(t, "acme", "vision", notebook)).isEmpty();
    assertThat(tickets.redeem("made-up", "acme", "vision", notebook)).isEmpty();
    assertThat(tickets.redeem(null, "acme", "vision", notebook)).isEmpty();
  }

  @Test
  void ticketsAreUnguessablyDistinct() {
    assertThat(issue()).isNotEqualTo(issue()).hasSizeGreaterThanOrEqualTo(32);
  }
}
