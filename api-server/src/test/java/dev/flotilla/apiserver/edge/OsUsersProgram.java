package dev.flotilla.apiserver.edge;

/** The source of an SDK program that reports which OS user its tasks run as, compiled by {@link OsUserIsolationIT}. */
final class OsUsersProgram {
  private OsUsersProgram() {}

  static final String CLASS = "probe.OsUsers";

  /**
   * {@code report}: a task prints who it runs as ({@code uid=.. user=.. home=.. tmp=.. code=..}),
   * leaves a secret file in its home, and a second task returns 300 KiB (stored in the worker's
   * shared memory); then the program waits for a line on stdin, so its objects stay while the test
   * probes them. {@code probe <path>...}: a task tries to read each path (a directory: list it) and
   * prints {@code read <path>} or {@code denied <path>}, after its own {@code uid=..} line; it then
   * reads its own secret and code jar the same way (both must be {@code read}). An argument
   * {@code hijack:<executor id>} has the task say hello to the worker as that executor with a
   * guessed secret and print {@code hijack <id>: <the worker's answer>}.
   */
  static final String SOURCE = """
      package probe;

      import dev.flotilla.api.Flotilla;
      import java.nio.file.AccessDeniedException;
      import java.nio.file.Files;
      import java.nio.file.Path;

      public final class OsUsers {
        public static void main(String[] args) throws Exception {
          try (Flotilla fl = Flotilla.connect()) {
            if (args[0].equals("report")) {
              System.out.println(fl.task(OsUsers::whoAmI, "leave a secret").remote().get());
              var result = fl.task(OsUsers::filled, 300 << 10).remote();
              System.out.println("result " + result.get().length);
              System.out.flush();
              System.in.read();
              java.lang.ref.Reference.reachabilityFence(result);
            } else {
              System.out.println(fl.task(OsUsers::probe, String.join("\\n", java.util.Arrays.copyOfRange(args, 1, args.length)))
                  .remote().get());
            }
          }
        }

        public static String whoAmI(String secret) throws Exception {
          Path home = Path.of(System.getProperty("user.home"));
          Files.writeString(home.resolve("secret.txt"), secret);
          var code = OsUsers.class.getProtectionDomain().getCodeSource();
          return "uid=" + new com.sun.security.auth.module.UnixSystem().getUid()
              + " user=" + System.getProperty("user.name")
              + " home=" + home
              + " tmp=" + System.getProperty("java.io.tmpdir")
              + " code=" + (code == null ? "?" : Path.of(code.getLocation().toURI()))
              + " executor=" + System.getenv("FLOTILLA_EXECUTOR_ID");
        }

        /** Says hello to this node's worker as executor {@code victim}, guessing its secret: what the worker answers. */
        static String hijack(String victim) throws Exception {
          var ch = io.grpc.Grpc.newChannelBuilder(System.getenv("FLOTILLA_WORKER"), io.grpc.InsecureChannelCredentials.create()).build();
          try {
            var answer = new java.util.concurrent.CompletableFuture<String>();
            var in = dev.flotilla.protocol.worker.v1.ExecutorServiceGrpc.newStub(ch).connect(new io.grpc.stub.StreamObserver<>() {
              public void onNext(dev.flotilla.protocol.worker.v1.WorkerMessage m) { answer.complete("got a task"); }
              public void onError(Throwable t) { answer.complete(io.grpc.Status.fromThrowable(t).getCode().toString()); }
              public void onCompleted() { answer.complete("completed"); }
            });
            in.onNext(dev.flotilla.protocol.worker.v1.ExecutorMessage.newBuilder().setHello(
                dev.flotilla.protocol.worker.v1.ExecutorHello.newBuilder().setExecutorId(victim).setSecret("guess")).build());
            return answer.get(30, java.util.concurrent.TimeUnit.SECONDS);
          } finally {
            ch.shutdownNow();
          }
        }

        public static byte[] filled(int n) {
          byte[] b = new byte[n];
          java.util.Arrays.fill(b, (byte) 7);
          return b;
        }

        public static String probe(String paths) throws Exception {
          StringBuilder out = new StringBuilder(whoAmI("mine"));
          var own = new java.util.ArrayList<>(java.util.List.of(paths.split("\\n")));
          own.add(Path.of(System.getProperty("user.home"), "secret.txt").toString());
          own.add(Path.of(OsUsers.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
          for (String p : own) {
            if (p.startsWith("hijack:")) {
              out.append("\\nhijack ").append(p.substring(7)).append(": ").append(hijack(p.substring(7)));
              continue;
            }
            Path path = Path.of(p);
            try {
              if (Files.isDirectory(path)) {
                try (var list = Files.list(path)) {
                  list.count();
                }
              } else {
                Files.readAllBytes(path);
              }
              out.append("\\nread ").append(p);
            } catch (AccessDeniedException e) {
              out.append("\\ndenied ").append(p);
            } catch (Exception e) {
              out.append("\\nfailed ").append(p).append(": ").append(e);
            }
          }
          return out.toString();
        }
      }
      """;
}
