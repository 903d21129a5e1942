package dev.flotilla.apiserver.edge;

import java.util.Map;

/**
 * What a valid API token lets its holder do through the edge: run work in one workspace of one
 * tenant, within that workspace's and tenant's quotas.
 *
 * @param gpuSecondsLeft the workspace's GPU budget left this month in GPU-seconds; null: no budget
 */
public record EdgeGrant(String tokenId, String tenant, String workspace, Map<String, Double> workspaceLimits,
    Map<String, Double> tenantLimits, Double gpuSecondsLeft) {}
