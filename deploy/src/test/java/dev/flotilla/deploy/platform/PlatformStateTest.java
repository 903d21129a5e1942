package dev.flotilla.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformStateTest {
  @TempDir Path home;

  @Test
  void addProcess_reloaded_keepsStartOrderAndIsPrivate() throws Exception {
    PlatformState state = PlatformState.load(home);
    state.addProcess("postgres", ProcessHandle.current());
    state.put("api.url", "http://127.0.0.1:8080");
    state.addProcess("api-server", ProcessHandle.current());

    PlatformState again = PlatformState.load(home);
    assertThat(again.processes()).extracting(PlatformState.Recorded::role).containsExactly("postgres", "api-server");
    assertThat(again.liveProcesses()).hasSize(2);
    assertThat(again.get("api.url")).contains("http://127.0.0.1:8080");
    assertThat(Files.getPosixFilePermissions(home.resolve("platform.state")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void live_pidReusedByAnotherProcess_isNotOurs() {
    long pid = ProcessHandle.current().pid();
    long otherStart = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli() - 60_000;
    assertThat(new PlatformState.Recorded("scheduler", pid, otherStart).live()).isEmpty();
  }

  @Test
  void delete_removesTheFile() {
    PlatformState state = PlatformState.load(home);
    state.put("api.url", "x");
    state.delete();
    assertThat(PlatformState.load(home).isEmpty()).isTrue();
    assertThat(home.resolve("platform.state")).doesNotExist();
  }
}
