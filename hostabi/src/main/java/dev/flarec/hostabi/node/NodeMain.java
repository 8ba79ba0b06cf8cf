package dev.flarec.hostabi.node;

import dev.flarec.hostabi.config.ClusterConfig;
import dev.flarec.hostabi.config.ConfigLoader;
import dev.flarec.hostabi.log.LogSetup;
import dev.flarec.runtime.descriptor.DescriptorCodec;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.launch.ExitStatus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * {@code flarec serve DIR [--port N] [--node-id NAME] [--cluster-bind HOST:PORT] [--cluster-seeds
 * HOST:PORT,...]}: a node serving every flare of {@code DIR} ({@link FlareNode}). The compiler's
 * command line calls {@link #run} with a function that compiles a {@code .wasm} into a flare JAR;
 * {@link #main} (on the host's class path alone) serves compiled JARs only.
 *
 * <p>Every flare file is copied to a private directory before it is loaded, so that a JAR being
 * replaced in {@code DIR} never changes under the class loader of the version still serving.
 */
public final class NodeMain {
  private NodeMain() {}

  public static void main(String[] args) {
    // as FlareMain: a node runs long enough to win back what the interrupt gate costs first runs
    if (System.getProperty(Instance.INTERRUPT_GATE_PROPERTY) == null) {
      System.setProperty(Instance.INTERRUPT_GATE_PROPERTY, "true");
    }
    System.exit(run(args, System.out, System.err, null));
  }

  /**
   * Serves until the process is stopped (SIGTERM or Ctrl-C drain every flare); returns an exit
   * status only when it cannot start.
   *
   * @param compiler compiles a .wasm file into the entries a module's JAR holds (its class files
   *     and its descriptor, by resource path), or null when only JARs are served; JDK types only,
   *     because the compiler and the host live in different class loaders
   */
  public static int run(
      String[] args,
      PrintStream out,
      PrintStream err,
      Function<Path, Map<String, byte[]>> compiler) {
    LogSetup.install();
    LogSetup.configure();
    Path dir = null;
    int port = 8080;
    String nodeId = null;
    ClusterConfig.Address bind = null;
    List<ClusterConfig.Address> seeds = List.of();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      try {
        switch (a) {
          case "--port", "-p" -> port = Integer.parseInt(args[++i]);
          case "--node-id" -> nodeId = args[++i];
          case "--cluster-bind" -> bind = ClusterConfig.Address.parse(args[++i]);
          case "--cluster-seeds" -> seeds = ClusterConfig.Address.parseList(args[++i]);
          case "--help", "-h" -> {
            out.print(usage());
            return ExitStatus.OK;
          }
          default -> {
            if (a.startsWith("-") || dir != null) {
              err.println(
                  "flarec serve: unexpected argument '" + a + "'; see 'flarec serve --help'");
              return ExitStatus.USAGE;
            }
            dir = Path.of(a);
          }
        }
      } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
        err.println("flarec serve: " + a + " needs a value; see 'flarec serve --help'");
        return ExitStatus.USAGE;
      } catch (IllegalArgumentException e) {
        err.println("flarec serve: " + a + ": " + e.getMessage());
        return ExitStatus.USAGE;
      }
    }
    if (bind == null && !seeds.isEmpty()) {
      err.println(
          "flarec serve: --cluster-seeds needs --cluster-bind HOST:PORT, the address"
              + " this node listens on for the others");
      return ExitStatus.USAGE;
    }
    if (dir == null || port < 0 || port > 65535) {
      err.println(
          "flarec serve: expected a directory (and a port from 0 to 65535); see"
              + " 'flarec serve --help'");
      return ExitStatus.USAGE;
    }
    FlareNode node;
    try {
      node =
          FlareNode.start(
              dir,
              port,
              nodeId,
              bind == null ? null : new ClusterConfig(bind, seeds),
              source(compiler),
              new ConfigLoader());
    } catch (IOException | RuntimeException e) {
      err.println("flarec serve: cannot start: " + e.getMessage());
      return ExitStatus.BAD_INPUT;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  node.close();
                  LogSetup.finish();
                  stopped.countDown();
                },
                "flarec-node-shutdown"));
    out.println("serving " + dir + " on port " + node.port() + ": " + node.flares());
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ExitStatus.OK;
  }

  /**
   * Loads JARs (from a private copy), and .wasm files through {@code compiler} when there is one,
   * straight into memory.
   */
  static FlareSource source(Function<Path, Map<String, byte[]>> compiler) throws IOException {
    Path cache = Files.createTempDirectory("flarec-node-");
    cache.toFile().deleteOnExit();
    AtomicLong versions = new AtomicLong();
    return file -> {
      String name = file.getFileName().toString();
      if (name.endsWith(".wasm")) {
        if (compiler == null) {
          throw new IllegalArgumentException(
              "this node serves compiled JARs only: compile it with flarec first");
        }
        return define(compiler.apply(file));
      }
      Path copy = cache.resolve(versions.incrementAndGet() + "-" + name);
      Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
      copy.toFile().deleteOnExit();
      return Module.load(copy);
    };
  }

  /** A module from its JAR entries: {@code a/b/C.class} files and one descriptor. */
  static Module define(Map<String, byte[]> entries) {
    ModuleDescriptor descriptor = null;
    Map<String, byte[]> classes = new HashMap<>();
    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
      String path = e.getKey();
      if (path.endsWith(DescriptorCodec.RESOURCE_SUFFIX)) {
        descriptor = DescriptorCodec.decode(e.getValue());
      } else if (path.endsWith(".class")) {
        classes.put(path.substring(0, path.length() - 6).replace('/', '.'), e.getValue());
      }
    }
    if (descriptor == null) {
      throw new IllegalArgumentException("the compiler gave no module descriptor");
    }
    return Module.define(descriptor, classes);
  }

  static String usage() {
    return String.join(
        System.lineSeparator(),
        "Usage: flarec serve DIR [--port N] [--node-id NAME]",
        "                         [--cluster-bind HOST:PORT [--cluster-seeds HOST:PORT,...]]",
        "Serves every flare in DIR on one port: NAME.jar (compiled) or NAME.wasm (compiled when",
        "loaded), each with its configuration NAME.toml beside it. [route] hosts and path_prefix",
        "choose its requests (default: the paths under /NAME/). Adding, replacing or removing a",
        "file takes effect at once; requests in flight finish on the version they started on.",
        "A file that does not load is reported and skipped.",
        "",
        "  -p, --port N       listen on port N (default 8080; 0 picks a free port)",
        "      --node-id NAME this node's id for every flare (default: each flare's server.node_id;",
        "                         with --cluster-bind, the host's name)",
        "      --cluster-bind HOST:PORT",
        "                         join a cluster of nodes, listening for them there; the node joins",
        "                         once and each flare's Plasma and spark_pull reach the flare of the",
        "                         same name on the other nodes (flares' own [cluster] are ignored)",
        "      --cluster-seeds HOST:PORT,...",
        "                         nodes to contact when joining (may include this one)",
        "",
        "GET /__flarec/flares lists the flares served and their routes.",
        "");
  }
}
