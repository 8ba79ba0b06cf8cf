package dev.flarec.hostabi.launch;

import dev.flarec.hostabi.abi.HostServices;
import dev.flarec.hostabi.config.ClusterConfig;
import dev.flarec.hostabi.config.ConfigException;
import dev.flarec.hostabi.config.ConfigLoader;
import dev.flarec.hostabi.config.ServerConfig;
import dev.flarec.hostabi.log.LogSetup;
import dev.flarec.hostabi.server.FlareServer;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.LinkException;
import dev.flarec.runtime.launch.ExitStatus;
import dev.flarec.runtime.trap.WasmTrap;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;

/**
 * {@code java -jar my_flare.jar [--port N] [--config FILE]}: serves the flare compiled into the
 * JAR. See the package documentation for the contract; {@link #usage} for the options.
 *
 * <p>Start-up order: options, configuration, the flare, the node's services, the server (which
 * instantiates the flare once, so a flare that cannot run fails here); then a shutdown hook that
 * stops the server gracefully on SIGTERM or Ctrl-C and closes the services. Logging is configured
 * meanwhile on a second thread ({@link ParallelStart}), awaited before the services start.
 */
public final class FlareMain {
  private final PrintStream out;
  private final PrintStream err;
  private final UnaryOperator<String> environment;

  /** The start-up's second thread, which configures logging; null when logging is the caller's. */
  private final ParallelStart parallel;

  public FlareMain(PrintStream out, PrintStream err, UnaryOperator<String> environment) {
    this(out, err, environment, null);
  }

  private FlareMain(
      PrintStream out, PrintStream err, UnaryOperator<String> environment, ParallelStart parallel) {
    this.out = out;
    this.err = err;
    this.environment = environment;
    this.parallel = parallel;
  }

  public static void main(String[] args) {
    // before any instance class is initialised: a server runs long enough to win back what the
    // gate costs the first runs (docs/RATIONALE.md#why-an-interrupt-gate)
    if (System.getProperty(Instance.INTERRUPT_GATE_PROPERTY) == null) {
      System.setProperty(Instance.INTERRUPT_GATE_PROPERTY, "true");
    }
    LogSetup.install();
    // logging is configured on the second thread, which the launch awaits before serving
    ParallelStart parallel = ParallelStart.begin();
    // Registered before the server starts, so that a SIGTERM arriving any time after the
    // "serving" line drains the server; one arriving during start-up waits for it to finish.
    StopOnSignal hook = new StopOnSignal();
    Runtime.getRuntime().addShutdownHook(hook);
    Launch launch = new Launch(ExitStatus.INTERNAL_ERROR, null, null);
    try {
      launch =
          new FlareMain(System.out, System.err, new SystemEnvironment(), parallel)
              .launch(FlareMain.class.getClassLoader(), args);
    } finally {
      // even if launch() broke its promise not to throw, the hook must not wait forever
      hook.launched(launch);
    }
    if (launch.server() == null) {
      System.out.flush();
      System.err.flush();
      System.exit(launch.status());
    }
    // the server's listener thread keeps the JVM alive from here
  }

  /**
   * The shutdown hook: stops the server gracefully on SIGTERM or Ctrl-C, once {@link #launch} has
   * returned. A class rather than a lambda, like the rest of the start path (docs/RATIONALE.md "Why
   * a flare's start-up avoids method-handle spinning").
   */
  private static final class StopOnSignal extends Thread {
    private final CountDownLatch launched = new CountDownLatch(1);
    private volatile Launch launch;

    StopOnSignal() {
      super("flarec-shutdown");
    }

    void launched(Launch launch) {
      this.launch = launch;
      launched.countDown();
    }

    @Override
    public void run() {
      try {
        launched.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      Launch started = launch;
      if (started.server() != null) {
        started.stop();
        // A JVM stopped by SIGTERM exits 143 (128 + 15) once its hooks finish; a server that has
        // drained its requests stopped as asked, so it says so with 0, as --help promises.
        // Halting skips nothing: this is the only hook, and stop() flushed the log.
        Runtime.getRuntime().halt(ExitStatus.OK);
      }
    }
  }

  /** {@link System#getenv(String)}; a class rather than a method reference, like the hook. */
  private static final class SystemEnvironment implements UnaryOperator<String> {
    @Override
    public String apply(String name) {
      return System.getenv(name);
    }
  }

  /**
   * The result of {@link #launch}: a running server with its services, or an exit status when
   * nothing is served (help printed, or an error reported).
   */
  public record Launch(int status, FlareServer server, HostServices services) {
    /** Stops the server gracefully, then closes the services and logging. */
    public void stop() {
      if (server != null) {
        server.stop();
      }
      if (services != null) {
        services.close();
      }
      LogSetup.finish();
    }
  }

  /** Parses {@code args} and starts serving the flare found on {@code loader}. Never throws. */
  public Launch launch(ClassLoader loader, String... args) {
    String program = "flare.jar";
    try {
      BundledFlare flare;
      try {
        flare = BundledFlare.find(loader);
        program = flare.jarName();
        if (parallel != null) {
          parallel.flareFound(flare.module().descriptor());
        }
      } catch (BundledFlare.NotAFlare e) {
        err.println(program + ": " + e.getMessage());
        return new Launch(ExitStatus.BAD_INPUT, null, null);
      }
      LaunchOptions options = LaunchOptions.parse(Arrays.asList(args));
      if (options.help()) {
        out.print(usage(program));
        return new Launch(ExitStatus.OK, null, null);
      }
      if (options.printDefaults()) {
        out.print(ConfigLoader.defaultsText());
        return new Launch(ExitStatus.OK, null, null);
      }
      ConfigLoader loaderOfConfig = new ConfigLoader(environment);
      ServerConfig config =
          options.config() == null
              ? loaderOfConfig.defaults(flare.flareName())
              : loaderOfConfig.load(options.config(), flare.flareName());
      if (options.port() != null) {
        config = config.withPort(options.port());
      }
      if (options.nodeId() != null) {
        config = config.withNodeId(options.nodeId());
      }
      ClusterConfig cluster = cluster(options, loaderOfConfig);
      return serve(program, flare, config, cluster);
    } catch (LaunchOptions.UsageException e) {
      err.println(program + ": " + e.getMessage() + "; see 'java -jar " + program + " --help'");
      return new Launch(ExitStatus.USAGE, null, null);
    } catch (ConfigException e) {
      err.println(program + ": bad configuration: " + e.getMessage());
      return new Launch(ExitStatus.BAD_INPUT, null, null);
    } catch (RuntimeException | Error e) {
      err.println(program + ": internal error, please report: " + e);
      e.printStackTrace(err);
      return new Launch(ExitStatus.INTERNAL_ERROR, null, null);
    }
  }

  /** The configuration file's {@code [cluster]} with the command line's settings over it. */
  private static ClusterConfig cluster(LaunchOptions options, ConfigLoader loader)
      throws LaunchOptions.UsageException {
    ClusterConfig fromFile = options.config() == null ? null : loader.cluster(options.config());
    ClusterConfig.Address bind =
        options.clusterBind() != null
            ? options.clusterBind()
            : fromFile == null ? null : fromFile.bind();
    List<ClusterConfig.Address> seeds =
        options.clusterSeeds() != null
            ? options.clusterSeeds()
            : fromFile == null ? List.of() : fromFile.seeds();
    if (bind == null) {
      if (!seeds.isEmpty()) {
        throw new LaunchOptions.UsageException(
            "--cluster-seeds needs --cluster-bind HOST:PORT"
                + " (or cluster.bind in the configuration), the address this node listens on");
      }
      return null;
    }
    return new ClusterConfig(bind, seeds);
  }

  private Launch serve(
      String program, BundledFlare flare, ServerConfig config, ClusterConfig cluster) {
    if (parallel != null) {
      parallel.awaitLogging();
    }
    LogSetup.level(config.log().level().julLevel());
    HostServices services;
    try {
      services = HostServices.create(config, flare.module().descriptor(), cluster);
    } catch (RuntimeException e) {
      // the data directory or another node resource: an environment problem, not a bug
      err.println(program + ": cannot start the node's services: " + e.getMessage());
      return new Launch(ExitStatus.BAD_INPUT, null, null);
    }
    try {
      FlareServer server =
          parallel == null
              ? FlareServer.start(flare.module(), config, services)
              : FlareServer.start(flare.module(), config, services, parallel.instancePrepared());
      return new Launch(ExitStatus.OK, server, services);
    } catch (BindException e) {
      services.close();
      err.println(program + ": cannot listen on port " + config.port() + ": " + e.getMessage());
      return new Launch(ExitStatus.BAD_INPUT, null, null);
    } catch (IOException e) {
      services.close();
      err.println(program + ": cannot start the server: " + e.getMessage());
      return new Launch(ExitStatus.BAD_INPUT, null, null);
    } catch (LinkException e) {
      services.close();
      err.println(program + ": the flare cannot run on this host: " + e.getMessage());
      return new Launch(ExitStatus.BAD_INPUT, null, null);
    } catch (WasmTrap e) {
      services.close();
      err.println(program + ": the flare trapped while starting: " + e.getMessage());
      return new Launch(ExitStatus.TRAP, null, null);
    } catch (IllegalArgumentException e) {
      services.close();
      err.println(program + ": the flare cannot run: " + e.getMessage());
      return new Launch(ExitStatus.BAD_INPUT, null, null);
    }
  }

  static String usage(String program) {
    return String.join(
        System.lineSeparator(),
        "Usage: java -jar " + program + " [--port N] [--config FILE] [--node-id NAME]",
        "       [--cluster-bind HOST:PORT [--cluster-seeds HOST:PORT,...]]",
        "Serves the flare compiled into " + program + " over HTTP (flaron/v1 host ABI).",
        "",
        "  -p, --port N          listen on port N (default: server.port of the configuration,",
        "                        8080; 0 picks a free port)",
        "  -c, --config FILE     read the configuration from FILE (TOML); keys it does not set",
        "                        keep their defaults",
        "      --default-config  print the default configuration (every key, its default and",
        "                        meaning) and exit",
        "      --node-id NAME    this node's id (server.node_id; default: the host name)",
        "      --cluster-bind HOST:PORT",
        "                        join a cluster, listening for other nodes here (cluster.bind):",
        "                        Plasma is replicated to every node, spark_pull reaches them",
        "      --cluster-seeds HOST:PORT,...",
        "                        nodes to contact when joining (cluster.seeds)",
        "  -h, --help            print this help and exit",
        "",
        "Probes: GET /__flarec/live answers 200 while the process serves HTTP (liveness);",
        "GET /__flarec/ready (or /__flarec/health) answers 200 while serving and 503 once",
        "stopping (readiness). GET /__flarec/metrics gives Prometheus metrics when the",
        "configuration sets server.metrics = true. Flares never see /__flarec/ paths.",
        "Stop with SIGTERM or Ctrl-C: requests in flight finish first (server.shutdown_grace_ms).",
        "",
        "Exit status: 0 stopped or help printed; 1 bad configuration, or a flare or node that",
        "cannot start; 2 bad usage; 3 the flare trapped while starting; 4 internal error.",
        "");
  }
}
