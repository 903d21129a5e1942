package dev.flotilla.deploy.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileTest {
  @TempDir Path dir;

  @Test
  void readOrGenerate_firstCall_generatesOwnerOnlyFile_laterCallsReadIt() throws Exception {
    var secret = new SecretFile(dir.resolve("secrets/pw"));
    String first = secret.readOrGenerate();
    assertThat(first).matches("[0-9a-f]{36}");
    assertThat(secret.readOrGenerate()).isEqualTo(first);
    assertThat(Files.getPosixFilePermissions(secret.path())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(secret.path().getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
  }
}
