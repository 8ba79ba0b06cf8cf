package dev.flarec.hostabi.abi;

import dev.flarec.hostabi.beam.BeamClient;
import dev.flarec.hostabi.config.ServerConfig;
import dev.flarec.hostabi.ids.IdGenerators;
import dev.flarec.hostabi.plasma.PlasmaStore;
import dev.flarec.hostabi.secrets.SecretStore;
import dev.flarec.hostabi.spark.SparkStore;
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
    Clock clock = Clock.systemUTC();
    return new HostServices(
        // No data directory means Spark is not configured: spark_* then answer NotAvailable.
        config.dataDirectory() == null ? null : SparkStore.open(config.dataDirectory(), clock),
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

  @Override
  public void close() {
    if (spark != null) {
      spark.close();
    }
  }
}
