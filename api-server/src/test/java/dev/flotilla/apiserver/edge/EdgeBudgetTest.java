package dev.flotilla.apiserver.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flotilla.apiserver.persistence.QuotaEntity;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class EdgeBudgetTest {

  @Test
  void budgetLeft_subtractsRecordedGpuSeconds_neverBelowZero() {
    QuotaEntity q = new QuotaEntity();
    q.gpuHoursPerMonth = new BigDecimal("2.00");
    assertThat(WorkspaceGrants.budgetLeft(q, 1800)).isEqualTo(7200 - 1800);
    assertThat(WorkspaceGrants.budgetLeft(q, 9000)).isZero();
  }

  @Test
  void budgetLeft_noBudget_null() {
    assertThat(WorkspaceGrants.budgetLeft(null, 10)).isNull();
    assertThat(WorkspaceGrants.budgetLeft(new QuotaEntity(), 10)).isNull();
  }
}
