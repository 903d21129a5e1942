package dev.flotilla.scheduler.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchemaMigrationsTest {
  @Test
  void scripts_areListedInVersionOrderStartingAtOne() {
    var scripts = SchemaMigrations.scripts();
    assertThat(scripts).first().isEqualTo("V1__cluster_state.sql");
    for (int i = 0; i < scripts.size(); i++) {
      assertThat(SchemaMigrations.version(scripts.get(i))).isEqualTo(i + 1);
    }
  }

  @Test
  void version_rejectsNamesThatAreNotMigrations() {
    assertThat(SchemaMigrations.version("V12__more.sql")).isEqualTo(12);
    assertThatThrownBy(() -> SchemaMigrations.version("cluster_state.sql")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("V<n>__<what>.sql");
    assertThatThrownBy(() -> SchemaMigrations.version("V1__x.txt")).isInstanceOf(IllegalStateException.class);
  }
}
