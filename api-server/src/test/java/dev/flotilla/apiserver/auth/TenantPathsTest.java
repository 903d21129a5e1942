package dev.flotilla.apiserver.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which paths belong to a tenant (its realm verifies them) and which to the platform. */
class TenantPathsTest {

  @Test
  void tenantOf_pathsBelowATenant_thatTenant() {
    assertThat(TenantPaths.tenantOf("/api/v1/tenants/acme/workspaces")).isEqualTo("acme");
    assertThat(TenantPaths.tenantOf("/api/v1/tenants/acme/workspaces/ml/tokens/x")).isEqualTo("acme");
  }

  @Test
  void tenantOf_platformAdministrationPaths_none() {
    assertThat(TenantPaths.tenantOf("/api/v1/tenants")).isNull();
    assertThat(TenantPaths.tenantOf("/api/v1/tenants/")).isNull();
    assertThat(TenantPaths.tenantOf("/api/v1/tenants/acme")).isNull();
    assertThat(TenantPaths.tenantOf("/api/v1/tenants/acme/")).isNull();
  }

  @Test
  void tenantOf_otherPaths_none() {
    assertThat(TenantPaths.tenantOf(null)).isNull();
    assertThat(TenantPaths.tenantOf("/q/health/ready")).isNull();
    assertThat(TenantPaths.tenantOf("/api/v1/tenantsX/acme/workspaces")).isNull();
    assertThat(TenantPaths.tenantOf("/api/v1/tenants//workspaces")).isNull();
  }

  @Test
  void platformOwned_onlySettingATenantsQuota() {
    assertThat(TenantPaths.platformOwned("PUT", "/api/v1/tenants/acme/quota")).isTrue();
    assertThat(TenantPaths.platformOwned("GET", "/api/v1/tenants/acme/quota")).isFalse();
    assertThat(TenantPaths.platformOwned("PUT", "/api/v1/tenants/acme/workspaces/ml/quota")).isFalse();
    assertThat(TenantPaths.platformOwned("PUT", "/api/v1/tenants/acme")).isFalse();
  }
}
