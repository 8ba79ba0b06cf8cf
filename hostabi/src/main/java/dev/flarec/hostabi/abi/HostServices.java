package dev.flarec.hostabi.abi;

import dev.flarec.hostabi.beam.BeamClient;
import dev.flarec.hostabi.cluster.ClusterChannel;
import dev.flarec.hostabi.cluster.ClusterNode;
import dev.flarec.hostabi.config.ClusterConfig;
import dev.flarec.hostabi.config.ServerConfig;
import dev.flarec.hostabi.ids.IdGenerators;
import dev.flarec.hostabi.metrics.ServerMetrics;
import dev.flarec.hostabi.plasma.PlasmaJournal;
import dev.flarec.hostabi.plasma.PlasmaStore;
import dev.flarec.hostabi.secrets.SecretStore;
import dev.flarec.hostabi.spark.SparkStore;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The node's services behind the host functions, shared by every instance of the served flare:
 * stores, the outbound HTTP client, secrets, ID generators and the clock.
 */
public final class HostServices implements AutoCloseable {
  private final SparkStore spark;
  private final PlasmaStore plasma;
  private final BeamClient beam;
  private final SecretStore secrets;
  private final Supplier<IdGenerators> idsFactory;
  private volatile IdGenerators ids;
  private final Clock clock;
  private final ServerMetrics metrics = new ServerMetrics();
  private PlasmaJournal plasmaJournal;
  private ClusterNode cluster;

  public HostServices(
      SparkStore spark,
      PlasmaStore plasma,
      BeamClient beam,
      SecretStore secrets,
      IdGenerators ids,
      Clock clock) {
    this.spark = spark;
    this.plasma = plasma;
    this.beam = beam;
    this.secrets = secrets;
    this.ids = ids;
    this.idsFactory = () -> ids;
    this.clock = clock;
  }

  /** Services whose ID generators are made at the first {@code id_*} call. */
  private HostServices(
      SparkStore spark,
      PlasmaStore plasma,
      BeamClient beam,
      SecretStore secrets,
      Supplier<IdGenerators> ids,
      Clock clock) {
    this.spark = spark;
    this.plasma = plasma;
    this.beam = beam;
    this.secrets = secrets;
    this.idsFactory = ids;
    this.clock = clock;
  }

  /** The services of a node configured by {@code config}, on the system clock, all made now. */
  public static HostServices create(ServerConfig config) {
    return createFor(config, null);
  }

  /**
   * The services {@code flare} can use, made now; the others are never made, or (IDs, the fetch
   * client) made at first use. Spark's store, and with it SQLite, is opened only when the flare
   * imports a {@code spark_*} function, so a flare without them starts faster and leaves the data
   * directory alone.
   */
  public static HostServices create(ServerConfig config, ModuleDescriptor flare) {
    return create(config, flare, (ClusterConfig) null);
  }

  /**
   * As {@link #create(ServerConfig, ModuleDescriptor)}, and when {@code flare} imports a {@code
   * plasma_*} function, Plasma is kept in the data directory ({@link PlasmaJournal}); when it also
   * talks to other nodes ({@code plasma_*} or {@code spark_pull}) and {@code cluster} is not null,
   * the node joins that cluster, which replicates Plasma and answers pulls.
   *
   * @throws RuntimeException with a one-line message when the data directory or the cluster address
   *     cannot be used
   */
  public static HostServices create(
      ServerConfig config, ModuleDescriptor flare, ClusterConfig cluster) {
    return createJoining(
        config,
        flare,
        cluster == null
            ? null
            : services -> {
              try {
                return ClusterNode.join(
                    cluster,
                    services.plasma.nodeId(),
                    services.plasma,
                    services.spark,
                    services.clock);
              } catch (Exception e) {
                throw new IllegalStateException(
                    "cannot join the cluster on " + cluster.bind() + ": " + e.getMessage(), e);
              }
            });
  }

  /**
   * As {@link #create(ServerConfig, ModuleDescriptor, ClusterConfig)}, but a flare that talks to
   * other nodes joins through {@code channel}, the node's channel shared by all its flares, as
   * flare {@code name} (its Plasma replicates to the flare of that name on the other nodes).
   */
  public static HostServices create(
      ServerConfig config, ModuleDescriptor flare, ClusterChannel channel, String name) {
    return createJoining(
        config,
        flare,
        channel == null
            ? null
            : services ->
                ClusterNode.attach(channel, name, services.plasma, services.spark, services.clock));
  }

  private static HostServices createJoining(
      ServerConfig config, ModuleDescriptor flare, Function<HostServices, ClusterNode> join) {
    HostServices services = createFor(config, flare);
    try {
      services.connect(
          config,
          imports(flare, "plasma_"),
          imports(flare, "plasma_") || imports(flare, "spark_pull") ? join : null);
    } catch (RuntimeException e) {
      services.close();
      throw e;
    }
    return services;
  }

  private void connect(
      ServerConfig config, boolean persistPlasma, Function<HostServices, ClusterNode> join) {
    if (persistPlasma && config.dataDirectory() != null) {
      plasmaJournal = PlasmaJournal.open(config.dataDirectory(), plasma);
    }
    if (join != null) {
      cluster = join.apply(this);
    }
    PlasmaJournal journal = plasmaJournal;
    ClusterNode node = cluster;
    if (journal != null || node != null) {
      plasma.listen(
          (site, delta, local) -> {
            if (journal != null) {
              journal.append(site, delta);
            }
            if (node != null && local) {
              node.replicate(site, delta);
            }
          });
    }
  }

  /**
   * Whether {@code flare} imports a {@code flaron/v1} function whose name starts with {@code
   * prefix}.
   */
  public static boolean imports(ModuleDescriptor flare, String prefix) {
    // a loop rather than a stream and lambda: this runs while a flare starts
    for (ModuleDescriptor.Import i : flare.imports()) {
      if (i.module().equals(FlaronImports.MODULE) && i.name().startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean uses(ModuleDescriptor flare, String prefix) {
    return flare == null || imports(flare, prefix);
  }

  /** The services {@code flare} may use; every service when {@code flare} is null. */
  private static HostServices createFor(ServerConfig config, ModuleDescriptor flare) {
    Clock clock = Clock.systemUTC();
    BeamClient beam = new BeamClient();
    HostServices services =
        new HostServices(
            // No data directory means Spark is not configured: spark_* then answer NotAvailable.
            config.dataDirectory() == null || !uses(flare, "spark_")
                ? null
                : SparkStore.open(config.dataDirectory(), clock),
            // Plasma (and with it the node id, a host-name lookup) only for flares that use it
            // or may join a cluster (spark_pull); plasma_* calls answer NotAvailable without it
            uses(flare, "plasma_") || uses(flare, "spark_pull")
                ? new PlasmaStore(config.nodeId(), clock)
                : null,
            beam,
            new SecretStore(config.secrets()),
            new IdsOnFirstUse(config.snowflakeNode(), clock),
            clock);
    // what the flare will call is ready before its first request, whose deadline is running
    if (uses(flare, "beam_")) {
      beam.prepare();
    }
    if (uses(flare, "id_") || uses(flare, "snowflake_")) {
      services.ids();
    }
    return services;
  }

  /**
   * Makes the ID generators at the first {@code id_*} call. A class rather than a lambda: this is
   * made while a flare starts.
   */
  private static final class IdsOnFirstUse implements Supplier<IdGenerators> {
    private final int snowflakeNode;
    private final Clock clock;

    IdsOnFirstUse(int snowflakeNode, Clock clock) {
      this.snowflakeNode = snowflakeNode;
      this.clock = clock;
    }

    @Override
    public IdGenerators get() {
      return new IdGenerators(snowflakeNode, clock);
    }
  }

  /** The Spark store, or null when the node has no data directory (Spark not configured). */
  public SparkStore spark() {
    return spark;
  }

  /**
   * The Plasma store, or null when the flare neither imports {@code plasma_*} nor may join a
   * cluster.
   */
  public PlasmaStore plasma() {
    return plasma;
  }

  /** This node's cluster membership, or null when it runs alone. */
  public ClusterNode cluster() {
    return cluster;
  }

  public BeamClient beam() {
    return beam;
  }

  public SecretStore secrets() {
    return secrets;
  }

  public IdGenerators ids() {
    IdGenerators made = ids;
    if (made == null) {
      synchronized (this) {
        made = ids;
        if (made == null) {
          made = idsFactory.get();
          ids = made;
        }
      }
    }
    return made;
  }

  public Clock clock() {
    return clock;
  }

  /** The node's counters, kept whether or not {@code server.metrics} exposes them. */
  public ServerMetrics metrics() {
    return metrics;
  }

  @Override
  public void close() {
    if (cluster != null) {
      cluster.close();
    }
    if (plasmaJournal != null) {
      plasmaJournal.close();
    }
    if (spark != null) {
      spark.close();
    }
  }
}
