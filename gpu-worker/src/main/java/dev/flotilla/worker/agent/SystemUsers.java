package dev.flotilla.worker.agent;

import dev.flotilla.worker.resources.CommandRunner;
import java.util.List;
import java.util.Optional;

/**
 * The host's user database, as far as tenant executors need it: find a system user, or create one
 * with its own group. The seam between {@link TenantUsers} and the operating system.
 */
interface SystemUsers {

  /** A user's numeric ids. */
  record Ids(int uid, int gid) {}

  /** The ids of {@code name}, or empty if there is no such user. Blocks. */
  Optional<Ids> find(String name);

  /**
   * Creates a locked system user {@code name} with a group of the same name, no home and no login
   * shell. False if it could not (it may exist already: a worker next to this one made it). Blocks.
   */
  boolean create(String name, String comment);

  /** The real database, through {@code getent} and {@code useradd}. */
  static SystemUsers host(CommandRunner commands) {
    return new SystemUsers() {
      @Override
      public Optional<Ids> find(String name) {
        return commands.run(List.of("getent", "passwd", name)).flatMap(SystemUsers::parsePasswd);
      }

      @Override
      public boolean create(String name, String comment) {
        return commands.run(List.of("useradd", "--system", "--user-group", "--no-create-home",
            "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", "--comment", comment, name)).isPresent();
      }
    };
  }

  /** The ids in a {@code passwd} line ({@code name:x:uid:gid:comment:home:shell}), if well formed. */
  static Optional<Ids> parsePasswd(String line) {
    String[] f = line.strip().split(":", -1);
    if (f.length < 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Ids(Integer.parseInt(f[2]), Integer.parseInt(f[3])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
