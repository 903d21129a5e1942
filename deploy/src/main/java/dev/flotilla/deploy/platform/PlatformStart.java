package dev.flotilla.deploy.platform;

import dev.flotilla.deploy.cluster.LocalCluster;
import dev.flotilla.deploy.cluster.LocalClusterOptions;
import dev.flotilla.deploy.cluster.ManagedProcess;
import dev.flotilla.deploy.embedded.EmbeddedKeycloak;
import dev.flotilla.deploy.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

/**
 * The start sequence of {@code flotilla up}: PostgreSQL, Keycloak, the scheduler (state in
 * PostgreSQL) with one gpu-worker, the api-server, then the demo data. Each process is recorded in
 * the {@link PlatformState} as soon as it runs, so that a failure part-way leaves what
 * {@code down} needs to stop it. Blocking; progress lines go to {@code out}.
 */
final class PlatformStart {
  private static final Duration API_START = Duration.ofMinutes(3);
  private final PlatformSettings settings;
  private final PlatformState state;
  private final PrintStream out;
  private final Http http = new Http();

  PlatformStart(PlatformSettings settings, PlatformState state, PrintStream out) {
    this.settings = settings;
    this.state = state;
    this.out = out;
  }

  /** What is up once {@link #run()} returns. */
  record Up(String apiUrl, String edgeAddress, String keycloakUrl, String schedulerAddress, String database, DemoBootstrap.Result demo,
      String platformAdminPasswordFile) {}

  Up run() {
    ApiServerProcess.checkBuilt(settings.apiServerJar());
    checkPortFree(settings.apiHost(), settings.apiPort(), "FLOTILLA_API_PORT");
    checkPortFree(settings.apiHost(), settings.edgePort(), "FLOTILLA_EDGE_GRPC_PORT");
    PlatformSettings.Database db = database();
    PlatformSettings.Keycloak kc = keycloak();

    out.println("Starting the scheduler (state in PostgreSQL; jobs only through the api-server) and one gpu-worker...");
    // The scheduler opens tenant sessions only for whoever presents this secret: the api-server.
    String edgeSecret = new SecretFile(secrets().resolve("edge-secret")).readOrGenerate();
    var options = LocalClusterOptions.builder()
        .workers(1)
        .workDir(settings.home().resolve("cluster"))
        .logDir(logs())
        .startTimeout(Duration.ofMinutes(2))
        .schedulerDatabase(new LocalClusterOptions.SchedulerDatabase(db.jdbcUrl("scheduler"), db.user(), db.password()))
        .edgeSecret(edgeSecret)
        .build();
    LocalCluster cluster = LocalCluster.start(options);
    state.addProcess("scheduler", cluster.scheduler().handle());
    for (ManagedProcess w : cluster.workers()) {
      state.addProcess(w.role(), w.handle());
    }
    String scheduler = cluster.address().toString();
    state.put("scheduler.address", scheduler);
    cluster.detach();

    out.println("Starting the api-server on " + settings.apiUrl() + "...");
    SecretFile adminPasswordFile = new SecretFile(secrets().resolve("platform-admin-password"));
    String adminPassword = adminPasswordFile.readOrGenerate();
    var config = new ApiServerProcess.Config(settings.apiHost(), settings.apiPort(), db, kc, DemoBootstrap.REALM,
        DemoBootstrap.PLATFORM_ADMIN, adminPassword, new ApiServerProcess.Edge(scheduler, edgeSecret, settings.edgePort()),
        settings.mail());
    var log = logs().resolve("api-server.log");
    Process api = ApiServerProcess.start(settings.apiServerJar(), config, log);
    state.addProcess("api-server", api.toHandle());
    state.put("api.url", settings.apiUrl());
    state.put("edge.address", settings.edgeAddress());
    ApiServerProcess.awaitReady(http, settings.apiUrl(), api.toHandle(), log, API_START);

    out.println("Setting up tenant " + DemoBootstrap.TENANT + " and workspace " + DemoBootstrap.WORKSPACE + "...");
    var keycloakAdmin = new KeycloakAdmin(http, kc.url(), kc.adminUser(), kc.adminPassword());
    var demo = new DemoBootstrap(http, keycloakAdmin, settings.apiUrl(), secrets()).run(adminPassword);
    return new Up(settings.apiUrl(), settings.edgeAddress(), kc.url(), scheduler, db.host() + ":" + db.port(), demo,
        adminPasswordFile.path().toString());
  }

  private PlatformSettings.Database database() {
    PlatformSettings.Database db = settings.externalDatabase();
    if (db == null) {
      out.println("Starting PostgreSQL (data in " + settings.postgresBase() + ")...");
      EmbeddedPostgres pg = EmbeddedPostgres.start(settings.postgresBase(), settings.postgresCache());
      state.put("postgres.base", settings.postgresBase().toString());
      state.put("postgres.cache", settings.postgresCache().toString());
      pg.postmaster().ifPresent(h -> state.addProcess("postgres", h));
      db = new PlatformSettings.Database("127.0.0.1", pg.port(), pg.user(), pg.password());
    } else {
      out.println("Using PostgreSQL at " + db.host() + ":" + db.port() + " (FLOTILLA_DB_HOST)");
    }
    Databases.ensure(db, "apiserver", "scheduler");
    return db;
  }

  private PlatformSettings.Keycloak keycloak() {
    PlatformSettings.Keycloak kc = settings.externalKeycloak();
    if (kc != null) {
      out.println("Using Keycloak at " + kc.url() + " (FLOTILLA_KEYCLOAK_URL)");
      return kc;
    }
    out.println("Starting Keycloak (first start builds it: a minute or two)...");
    EmbeddedKeycloak embedded = EmbeddedKeycloak.start(settings.home());
    embedded.detach();
    var processes = embedded.processes();
    state.addProcess("keycloak", processes.get(0));
    for (int i = 1; i < processes.size(); i++) {
      state.addProcess(i == 1 ? "keycloak-jvm" : "keycloak-" + i, processes.get(i));
    }
    state.put("keycloak.url", embedded.url());
    return new PlatformSettings.Keycloak(embedded.url(), embedded.adminUser(), embedded.adminPassword());
  }

  private java.nio.file.Path logs() {
    return settings.home().resolve("logs");
  }

  private java.nio.file.Path secrets() {
    return settings.home().resolve("secrets");
  }

  private static void checkPortFree(String host, int port, String variable) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(host))) {
      s.setReuseAddress(true);
    } catch (IOException e) {
      throw new IllegalStateException("port " + port + " on " + host + " is in use (" + e.getMessage()
          + "); stop what holds it, or choose another port with " + variable);
    }
  }
}
