package dev.flarec.hostabi.launch;

import dev.flarec.hostabi.config.ClusterConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * The command line of a flare JAR.
 *
 * @param port {@code --port}, or null to take the configuration's
 * @param config {@code --config}, or null for the embedded defaults alone
 * @param help {@code --help}
 * @param printDefaults {@code --default-config}: print the default configuration and exit
 * @param clusterBind {@code --cluster-bind}, or null to take the configuration's
 * @param clusterSeeds {@code --cluster-seeds}, or null to take the configuration's
 * @param nodeId {@code --node-id}, or null to take the configuration's
 */
record LaunchOptions(
    Integer port,
    Path config,
    boolean help,
    boolean printDefaults,
    ClusterConfig.Address clusterBind,
    List<ClusterConfig.Address> clusterSeeds,
    String nodeId) {
  /** A command-line mistake, reported as one line. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  static LaunchOptions parse(List<String> args) throws UsageException {
    Integer port = null;
    Path config = null;
    boolean help = false;
    boolean printDefaults = false;
    ClusterConfig.Address clusterBind = null;
    List<ClusterConfig.Address> clusterSeeds = null;
    String nodeId = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      switch (name) {
        case "--help", "-h" -> help = true;
        case "--default-config" -> printDefaults = true;
        case "--port", "-p" -> {
          value = value != null ? value : next(args, ++i, name, "N");
          port = parsePort(value);
        }
        case "--config", "-c" -> {
          value = value != null ? value : next(args, ++i, name, "FILE");
          if (value.isEmpty()) {
            throw new UsageException(name + ": expected a file name");
          }
          config = Path.of(value);
        }
        case "--cluster-bind" -> {
          value = value != null ? value : next(args, ++i, name, "HOST:PORT");
          try {
            clusterBind = ClusterConfig.Address.parse(value);
          } catch (IllegalArgumentException e) {
            throw new UsageException(name + ": " + e.getMessage());
          }
        }
        case "--cluster-seeds" -> {
          value = value != null ? value : next(args, ++i, name, "HOST:PORT,...");
          try {
            clusterSeeds = ClusterConfig.Address.parseList(value);
          } catch (IllegalArgumentException e) {
            throw new UsageException(name + ": " + e.getMessage());
          }
        }
        case "--node-id" -> {
          value = value != null ? value : next(args, ++i, name, "NAME");
          if (value.isBlank()) {
            throw new UsageException(name + ": expected a name");
          }
          nodeId = value;
        }
        default ->
            throw new UsageException(
                (arg.startsWith("-") ? "unknown option " : "unexpected argument ")
                    + "'"
                    + arg
                    + "'");
      }
    }
    if (clusterSeeds != null && !clusterSeeds.isEmpty() && clusterBind == null && config == null) {
      throw new UsageException(
          "--cluster-seeds needs --cluster-bind HOST:PORT, the address this"
              + " node listens on for the others");
    }
    return new LaunchOptions(port, config, help, printDefaults, clusterBind, clusterSeeds, nodeId);
  }

  private static String next(List<String> args, int i, String option, String what)
      throws UsageException {
    if (i >= args.size()) {
      throw new UsageException(option + ": missing " + what);
    }
    return args.get(i);
  }

  private static int parsePort(String text) throws UsageException {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--port: expected a number from 0 to 65535, got '" + text + "'");
  }
}
