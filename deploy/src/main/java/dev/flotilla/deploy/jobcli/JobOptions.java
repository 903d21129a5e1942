package dev.flotilla.deploy.jobcli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A parsed {@code job} command line: the subcommand, {@code --key value} options, flags, operands, and what follows {@code --}. */
record JobOptions(String command, Map<String, String> values, Set<String> flags, List<String> operands, List<String> rest) {
  private static final Set<String> COMMANDS = Set.of("submit", "list", "logs", "stop");
  private static final Set<String> VALUED = Set.of("jar", "main", "cpus", "gpus", "name", "idempotency-key", "tenant", "workspace");

  static JobOptions parse(List<String> argv) {
    if (argv.isEmpty() || !COMMANDS.contains(argv.getFirst())) {
      throw new IllegalArgumentException(argv.isEmpty() ? "no job command" : "unknown job command " + argv.getFirst());
    }
    Map<String, String> values = new HashMap<>();
    Set<String> flags = new HashSet<>();
    List<String> operands = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (int i = 1; i < argv.size(); i++) {
      String a = argv.get(i);
      if (a.equals("--")) {
        rest.addAll(argv.subList(i + 1, argv.size()));
        break;
      } else if (a.equals("-f") || a.equals("--follow")) {
        flags.add("f");
      } else if (a.startsWith("--") && VALUED.contains(a.substring(2))) {
        if (i + 1 >= argv.size()) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        values.put(a.substring(2), argv.get(++i));
      } else if (a.startsWith("-")) {
        throw new IllegalArgumentException("unknown option " + a);
      } else {
        operands.add(a);
      }
    }
    for (String n : List.of("cpus", "gpus")) {
      if (values.containsKey(n) && !values.get(n).matches("\\d{1,4}")) {
        throw new IllegalArgumentException("--" + n + " takes a whole number");
      }
    }
    JobOptions o = new JobOptions(argv.getFirst(), values, flags, operands, rest);
    boolean needsId = o.command().equals("logs") || o.command().equals("stop");
    if (needsId && operands.size() != 1) {
      throw new IllegalArgumentException("job " + o.command() + " takes one job id");
    }
    if (!needsId && !operands.isEmpty()) {
      throw new IllegalArgumentException("unexpected " + operands.getFirst() + " (arguments of the job go after --)");
    }
    if (o.command().equals("submit")) {
      o.required("jar");
      o.required("main");
    }
    return o;
  }

  String value(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  String required(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return v;
  }

  boolean flag(String name) {
    return flags.contains(name);
  }

  String operand() {
    return operands.getFirst();
  }
}
