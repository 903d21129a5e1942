package dev.flotilla.apiserver.quota;

import dev.flotilla.apiserver.api.QuotaDtos;
import dev.flotilla.apiserver.error.ApiException;
import java.math.BigDecimal;

/** The rule that a workspace's quota stays within its tenant's. Pure. */
final class QuotaLimits {
  private QuotaLimits() {}

  /** Throws a 422 naming the first cap of {@code workspace} that exceeds (or lifts) the tenant's. */
  static void requireWithin(QuotaDtos.Quota workspace, QuotaDtos.Quota tenant) {
    check("maxGpus", toDecimal(workspace.maxGpus()), toDecimal(tenant.maxGpus()));
    check("maxCpus", toDecimal(workspace.maxCpus()), toDecimal(tenant.maxCpus()));
    check("gpuHoursPerMonth", workspace.gpuHoursPerMonth(), tenant.gpuHoursPerMonth());
  }

  private static void check(String field, BigDecimal wanted, BigDecimal cap) {
    if (cap == null) {
      return;
    }
    if (wanted == null) {
      throw ApiException.invalid(field, "the tenant's quota is " + cap.toPlainString() + "; a workspace cannot be unlimited");
    }
    if (wanted.compareTo(cap) > 0) {
      throw ApiException.invalid(field, "exceeds the tenant's quota of " + cap.toPlainString());
    }
  }

  private static BigDecimal toDecimal(Integer v) {
    return v == null ? null : BigDecimal.valueOf(v);
  }
}
