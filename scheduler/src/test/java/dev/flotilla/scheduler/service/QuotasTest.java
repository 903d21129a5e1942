package dev.flotilla.scheduler.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.scheduler.core.Reservation;
import dev.flotilla.scheduler.core.Resources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotasTest {
  private final Quotas quotas = new Quotas();
  private final Tenancy vision = new Tenancy("acme", "vision");
  private final Tenancy nlp = new Tenancy("acme", "nlp");

  private static Reservation on(String node, String resources) {
    return new Reservation(node, Resources.parse(resources), List.of());
  }

  @Test
  void workspaceLimit_refusesBeyondIt_withTheReason_andReleaseMakesRoom() {
    quotas.setLimits(vision, Map.of("GPU", 4.0), Map.of());
    assertThat(quotas.check(vision, Resources.parse("GPU:4"), Resources.none())).isNull();
    Reservation r = on("n1", "GPU:4");
    quotas.charge(r, vision);
    assertThat(quotas.check(vision, Resources.parse("GPU:1"), Resources.none())).isEqualTo("workspace quota: GPU 4/4 in use");
    assertThat(quotas.check(vision, Resources.parse("CPU:8"), Resources.none())).as("an unlimited resource").isNull();
    quotas.released(r);
    assertThat(quotas.check(vision, Resources.parse("GPU:1"), Resources.none())).isNull();
  }

  @Test
  void tenantLimit_countsEveryWorkspaceOfTheTenant() {
    quotas.setLimits(vision, Map.of(), Map.of("CPU", 8.0));
    quotas.setLimits(nlp, Map.of(), Map.of("CPU", 8.0));
    quotas.charge(on("n1", "CPU:6"), vision);
    assertThat(quotas.check(nlp, Resources.parse("CPU:3"), Resources.none())).isEqualTo("tenant quota: CPU 6/8 in use");
    assertThat(quotas.check(new Tenancy("globex", "vision"), Resources.parse("CPU:3"), Resources.none()))
        .as("another tenant").isNull();
  }

  @Test
  void check_countsWhatTheSamePassAlreadyAdmitted() {
    quotas.setLimits(vision, Map.of("GPU", 2.0), Map.of());
    assertThat(quotas.check(vision, Resources.parse("GPU:1"), Resources.parse("GPU:1"))).isNull();
    assertThat(quotas.check(vision, Resources.parse("GPU:1"), Resources.parse("GPU:2"))).isEqualTo("workspace quota: GPU 2/2 in use");
  }

  @Test
  void localWork_isNeverLimited_andChargingTwiceCountsOnce() {
    assertThat(quotas.check(Tenancy.LOCAL, Resources.parse("GPU:100"), Resources.none())).isNull();
    quotas.setLimits(vision, Map.of("GPU", 1.0), Map.of());
    Reservation r = on("n1", "GPU:1");
    quotas.charge(r, vision);
    quotas.charge(r, vision);
    assertThat(quotas.workspaceInUse(vision).get("GPU")).isEqualTo(1.0);
  }
}
