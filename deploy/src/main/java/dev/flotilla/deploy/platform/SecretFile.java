package dev.flotilla.deploy.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/** A secret in a file of its own, mode 0600 from its creation on (never readable by others). */
record SecretFile(Path path) {

  /** The stored secret, if any. */
  Optional<String> read() {
    try {
      return Files.isRegularFile(path) ? Optional.of(Files.readString(path).trim()) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** The stored secret, or a new random one (144 bits, hex) stored first. */
  String readOrGenerate() {
    return read().orElseGet(() -> {
      String secret = generate();
      write(secret);
      return secret;
    });
  }

  void write(String secret) {
    try {
      if (!Files.isDirectory(path.getParent())) {
        Files.createDirectories(path.getParent(),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      Files.deleteIfExists(path);
      Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(path, secret + "\n", StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  static String generate() {
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
