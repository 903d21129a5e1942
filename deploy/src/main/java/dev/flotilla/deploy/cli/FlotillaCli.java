package dev.flotilla.deploy.cli;

import java.util.Arrays;

/**
 * The {@code flotilla} command line. Exit codes: 0 success, 1 failure, 2 bad usage.
 *
 * <pre>
 * flotilla up        the whole platform: PostgreSQL, Keycloak, scheduler, a gpu-worker, api-server
 * flotilla down
 * flotilla cluster start --workers N [--gpus-per-worker G] [--cpus-per-worker C]
 * flotilla cluster status
 * flotilla cluster stop
 * </pre>
 */
public final class FlotillaCli {
  static final String USAGE = """
      usage: flotilla up      start the platform (PostgreSQL, Keycloak, scheduler, gpu-worker, api-server)
             flotilla down    stop everything `up` started
             flotilla cluster start [--workers N] [--gpus-per-worker G] [--cpus-per-worker C] [--store-mb M]
                                    [--resources name=amount,...]
             flotilla cluster status
             flotilla cluster stop
      """;

  private FlotillaCli() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    boolean platform = args.length == 1 && (args[0].equals("up") || args[0].equals("down"));
    if (!platform && (args.length < 2 || !args[0].equals("cluster"))) {
      System.err.print(USAGE);
      return 2;
    }
    var home = ClusterHome.defaultHome();
    String[] rest = Arrays.copyOfRange(args, Math.min(2, args.length), args.length);
    try {
      if (platform) {
        return args[0].equals("up") ? new PlatformCommands(home).up() : new PlatformCommands(home).down();
      }
      return switch (args[1]) {
        case "start" -> new ClusterCommands(home).start(rest);
        case "status" -> new ClusterCommands(home).status();
        case "stop" -> new ClusterCommands(home).stop();
        default -> {
          System.err.print("unknown command: cluster " + args[1] + "\n" + USAGE);
          yield 2;
        }
      };
    } catch (IllegalArgumentException e) {
      System.err.println("flotilla: " + e.getMessage());
      System.err.print(USAGE);
      return 2;
    } catch (RuntimeException e) {
      System.err.println("flotilla: " + e.getMessage());
      return 1;
    }
  }
}
