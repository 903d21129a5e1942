package dev.flotilla.apiserver.usage;

/**
 * What to add to a job's metered usage when the scheduler reports running totals: the growth
 * beyond the totals last folded in. Totals below the last ones mean the scheduler restarted and
 * counts from zero again, so all of them are new. Pure.
 */
record UsageDelta(double cpuSeconds, double gpuSeconds) {
  static UsageDelta between(double cpuTotal, double gpuTotal, double cpuBefore, double gpuBefore) {
    boolean restarted = cpuTotal < cpuBefore || gpuTotal < gpuBefore;
    return restarted ? new UsageDelta(cpuTotal, gpuTotal) : new UsageDelta(cpuTotal - cpuBefore, gpuTotal - gpuBefore);
  }

  boolean isZero() {
    return cpuSeconds == 0 && gpuSeconds == 0;
  }
}
