package dev.flarec.hostabi.abi;

import dev.flarec.hostabi.beam.BeamClient;
import dev.flarec.hostabi.config.ServerConfig;
import dev.flarec.hostabi.ids.IdGenerators;
import dev.flarec.hostabi.metrics.ServerMetrics;
import dev.flarec.hostabi.plasma.PlasmaStore;
import dev.flarec.hostabi.secrets.SecretStore;
import dev.flarec.hostabi.spark.SparkStore;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import java.time.Clock;

/**
 * The node's services behind the host functions, shared by every instance of the served flare:
 * stores, the outbound HTTP client, secrets, ID generators and the clock.
 */
public final class HostServices implements AutoCloseable {
  private final SparkStore spark;
  private final PlasmaStore plasma;
  private final BeamClient beam;
  private final SecretStore secrets;
  private final IdGenerators ids;
  private final Clock clock;
  private final ServerMetrics metrics = new ServerMetrics();

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
    this.clock = clock;
  }

  /** The services of a node configured by {@code config}, on the system clock. */
  public static HostServices create(ServerConfig config) {
    return create(config, true);
  }

  /**
   * The services {@code flare} can use: Spark's store (and with it SQLite) is opened only when
   * the flare imports a {@code spark_*} function, so a flare without them starts faster and
   * leaves the data directory alone.
   */
  public static HostServices create(ServerConfig config, ModuleDescriptor flare) {
    return create(config, importsSpark(flare));
  }

  /** Whether {@code flare} imports any {@code spark_*} function of the flare ABI. */
  public static boolean importsSpark(ModuleDescriptor flare) {
    return flare.imports().stream()
        .anyMatch(i -> i.module().equals(FlaronImports.MODULE) && i.name().startsWith("spark_"));
  }

  private static HostServices create(ServerConfig config, boolean withSpark) {
    Clock clock = Clock.systemUTC();
    return new HostServices(
        // No data directory means Spark is not configured: spark_* then answer NotAvailable.
        config.dataDirectory() == null || !withSpark
            ? null
            : SparkStore.open(config.dataDirectory(), clock),
        new PlasmaStore(config.nodeId(), clock),
        new BeamClient(),
        new SecretStore(config.secrets()),
        new IdGenerators(config.snowflakeNode(), clock),
        clock);
  }

  /** The Spark store, or null when the node has no data directory (Spark not configured). */
  public SparkStore spark() {
    return spark;
  }

  public PlasmaStore plasma() {
    return plasma;
  }

  public BeamClient beam() {
    return beam;
  }

  public SecretStore secrets() {
    return secrets;
  }

  public IdGenerators ids() {
    return ids;
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
    if (spark != null) {
      spark.close();
    }
  }
}
