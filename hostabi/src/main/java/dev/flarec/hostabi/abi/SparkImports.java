package dev.flarec.hostabi.abi;

import dev.flarec.hostabi.cluster.ClusterNode;
import dev.flarec.hostabi.cluster.PullResult;
import dev.flarec.hostabi.config.FlareConfig;
import dev.flarec.hostabi.guest.Guest;
import dev.flarec.hostabi.invocation.Invocation;
import dev.flarec.hostabi.metrics.HostCall;
import dev.flarec.hostabi.spark.SparkCode;
import dev.flarec.hostabi.spark.SparkEntry;
import dev.flarec.hostabi.spark.SparkKeys;
import dev.flarec.hostabi.spark.SparkStore;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Spark host functions: node-local key-value storage with TTL, namespaced per site (for now the
 * site is the flare's name), persisted by {@link SparkStore} (flaron-abi.md §3.4).
 *
 * <p>Arguments are always read first, so a bad {@code (ptr, len)} traps (decision 11) whatever else
 * is wrong. Validation happens before a budget is drawn from, so a rejected write does not use up
 * the invocation's writes. Store failures never escape to the guest: they become code 6 or an empty
 * result.
 */
final class SparkImports {
  private static final Logger LOG = System.getLogger(SparkImports.class.getName());

  private final FlareContext context;

  SparkImports(FlareContext context) {
    this.context = context;
  }

  /**
   * Reads a key's value and remaining lifetime.
   *
   * <p>Parameters: {@code keyPtr}, {@code keyLen} — the key, UTF-8 bytes in guest memory.
   *
   * <p>Result: the packed {@code (ptr << 32) | len} of the value, or 0 when the key is missing,
   * expired or invalid (decision 19), when Spark is not configured, or when the guest's {@code
   * alloc} returns 0.
   *
   * <p>Written into guest memory: {@code [remaining TTL: u32 little-endian][value bytes]}, where
   * the TTL is the remaining whole seconds rounded up and 0 means no expiry (decision 18); an empty
   * value is exactly those 4 bytes.
   *
   * <p>See flaron-abi.md §3.4, §4.5, §8 decisions 18, 19.
   */
  @HostFunction("spark_get")
  long sparkGet(int keyPtr, int keyLen) {
    context.services().metrics().hostCall(HostCall.SPARK);
    Guest guest = context.guest();
    byte[] key = guest.read(keyPtr, keyLen);
    SparkStore spark = context.services().spark();
    if (spark == null || !SparkKeys.isValid(key)) {
      return 0;
    }
    Optional<SparkEntry> entry;
    try {
      entry = spark.get(site(), ascii(key));
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "spark_get failed in flare " + flare().name(), e);
      return 0;
    }
    if (entry.isEmpty()) {
      return 0;
    }
    long ttl =
        Math.min(
            entry.get().remainingTtlSeconds(context.services().clock().instant()), 0xFFFF_FFFFL);
    byte[] value = entry.get().value();
    ByteBuffer out = ByteBuffer.allocate(4 + value.length).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt((int) ttl).put(value);
    return guest.write(out.array());
  }

  /**
   * Stores a value under a key with a TTL, durably.
   *
   * <p>Parameters: {@code keyPtr}, {@code keyLen} — the key; {@code valPtr}, {@code valLen} — the
   * value bytes ({@code (0, 0)} for an empty value); {@code ttlSecs} — lifetime in seconds, 0 for
   * no expiry.
   *
   * <p>Result, an i32 code, checked in this order:
   *
   * <ul>
   *   <li>5 NotAvailable — Spark is not configured on this node;
   *   <li>9 NoCapability — the flare is not configured {@code writes_spark_kv};
   *   <li>8 BadKey — the key breaks decision 19;
   *   <li>1 InvalidTtl — {@code ttlSecs} is negative or above the node's TTL cap;
   *   <li>2 TooLarge — the value is longer than {@code max_kv_value_bytes};
   *   <li>3 WriteLimit — the invocation has used its KV writes (decision 23);
   *   <li>4 Quota — the site's on-disk quota is full;
   *   <li>6 Internal — the store failed;
   *   <li>0 Ok — stored.
   * </ul>
   *
   * <p>Written into guest memory: nothing.
   *
   * <p>See flaron-abi.md §3.4, §8 decisions 19, 23.
   */
  @HostFunction("spark_set")
  int sparkSet(int keyPtr, int keyLen, int valPtr, int valLen, int ttlSecs) {
    context.services().metrics().hostCall(HostCall.SPARK);
    Guest guest = context.guest();
    byte[] key = guest.read(keyPtr, keyLen);
    byte[] value = guest.read(valPtr, valLen);
    SparkStore spark = context.services().spark();
    Invocation invocation = context.invocation();
    if (spark == null) {
      return SparkCode.NOT_AVAILABLE.wire();
    }
    if (!invocation.config().writesSparkKv()) {
      denied("spark_set");
      return SparkCode.NO_CAPABILITY.wire();
    }
    if (!SparkKeys.isValid(key)) {
      return SparkCode.BAD_KEY.wire();
    }
    if (ttlSecs < 0 || ttlSecs > spark.settings().maxTtlSeconds()) {
      return SparkCode.INVALID_TTL.wire();
    }
    if (value.length > invocation.config().limits().maxKvValueBytes()) {
      return SparkCode.TOO_LARGE.wire();
    }
    if (!invocation.limits().tryKvWrite()) {
      return SparkCode.WRITE_LIMIT.wire();
    }
    try {
      return spark.set(site(), ascii(key), value, ttlSecs).wire();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "spark_set failed in flare " + flare().name(), e);
      return SparkCode.INTERNAL.wire();
    }
  }

  /**
   * Deletes a key.
   *
   * <p>Parameters: {@code keyPtr}, {@code keyLen} — the key.
   *
   * <p>Result: none. Silently does nothing when the key is missing or invalid, when the flare is
   * not configured {@code writes_spark_kv}, when the invocation has used its KV writes (a delete
   * counts as one), or when Spark is not configured.
   *
   * <p>Written into guest memory: nothing.
   *
   * <p>See flaron-abi.md §3.4.
   */
  @HostFunction("spark_delete")
  void sparkDelete(int keyPtr, int keyLen) {
    context.services().metrics().hostCall(HostCall.SPARK);
    byte[] key = context.guest().read(keyPtr, keyLen);
    SparkStore spark = context.services().spark();
    Invocation invocation = context.invocation();
    if (spark != null && !invocation.config().writesSparkKv()) {
      denied("spark_delete");
      return;
    }
    if (spark == null || !SparkKeys.isValid(key) || !invocation.limits().tryKvWrite()) {
      return;
    }
    try {
      spark.delete(site(), ascii(key));
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "spark_delete failed in flare " + flare().name(), e);
    }
  }

  /**
   * Lists the site's live keys.
   *
   * <p>Parameters: none.
   *
   * <p>Result: the packed {@code (ptr << 32) | len} of the list, or 0 when Spark is not configured,
   * the store fails, or the guest's {@code alloc} returns 0.
   *
   * <p>Written into guest memory: a compact UTF-8 JSON array of the keys in ascending order, {@code
   * ["a","b"]}; {@code []} when the site has none.
   *
   * <p>See flaron-abi.md §3.4, §4.5.
   */
  @HostFunction("spark_list")
  long sparkList() {
    context.services().metrics().hostCall(HostCall.SPARK);
    SparkStore spark = context.services().spark();
    if (spark == null) {
      return 0;
    }
    List<String> keys;
    try {
      keys = spark.keys(site());
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "spark_list failed in flare " + flare().name(), e);
      return 0;
    }
    return context.guest().write(JsonStringArrays.write(keys));
  }

  /**
   * Asks to migrate keys from another node's Spark store into this one.
   *
   * <p>Parameters: {@code originPtr}, {@code originLen} — the origin node's id, UTF-8; {@code
   * keysPtr}, {@code keysLen} — a JSON array of key strings, {@code ["k1","k2"]}.
   *
   * <p>Result, an i32, checked in this order:
   *
   * <ul>
   *   <li>−9 NoCapability — the flare is not configured {@code writes_spark_kv};
   *   <li>−3 WriteLimit — this invocation already pulled (one pull per invocation; every call
   *       counts);
   *   <li>−8 BadKey — the keys are not a JSON array of strings, or one breaks decision 19;
   *   <li>−5 NotAvailable — this node has no Spark store or is not in a cluster, the origin is not
   *       a member of the cluster (unknown, or unreachable long enough to have left the view), is
   *       this node itself, or has no Spark store;
   *   <li>−6 Internal — the origin did not answer within {@value #PULL_TIMEOUT_MILLIS} ms;
   *   <li>a count ≥ 0 — the keys the origin had that are now stored here with the value and
   *       remaining TTL they had there (keys it lacks, or that this store refuses, are not
   *       counted). The origin keeps its copies.
   * </ul>
   *
   * <p>Written into guest memory: nothing.
   *
   * <p>See flaron-abi.md §3.4, §8 decisions 19, 23, 29.
   */
  @HostFunction("spark_pull")
  int sparkPull(int originPtr, int originLen, int keysPtr, int keysLen) {
    context.services().metrics().hostCall(HostCall.SPARK);
    Guest guest = context.guest();
    String origin = guest.readUtf8(originPtr, originLen);
    byte[] keysJson = guest.read(keysPtr, keysLen);
    Invocation invocation = context.invocation();
    if (!invocation.config().writesSparkKv()) {
      denied("spark_pull");
      return -SparkCode.NO_CAPABILITY.wire();
    }
    if (!invocation.limits().trySparkPull()) {
      return -SparkCode.WRITE_LIMIT.wire();
    }
    Optional<List<String>> keys = JsonStringArrays.read(keysJson);
    if (keys.isEmpty() || !keys.get().stream().allMatch(SparkKeys::isValid)) {
      return -SparkCode.BAD_KEY.wire();
    }
    SparkStore spark = context.services().spark();
    ClusterNode cluster = context.services().cluster();
    if (spark == null || cluster == null) {
      LOG.log(
          Level.DEBUG,
          "spark_pull of {0} key(s): this node is not in a cluster",
          keys.get().size());
      return -SparkCode.NOT_AVAILABLE.wire();
    }
    PullResult pulled =
        cluster.pull(origin, site(), keys.get(), Duration.ofMillis(PULL_TIMEOUT_MILLIS));
    if (pulled.code() != SparkCode.OK) {
      return -pulled.code().wire();
    }
    int stored = 0;
    for (Map.Entry<String, PullResult.Entry> e : pulled.entries().entrySet()) {
      try {
        if (spark.set(site(), e.getKey(), e.getValue().value(), e.getValue().ttlSeconds())
            == SparkCode.OK) {
          stored++;
        }
      } catch (RuntimeException failure) {
        LOG.log(
            Level.ERROR, "spark_pull could not store a key in flare " + flare().name(), failure);
      }
    }
    return stored;
  }

  /** How long {@code spark_pull} waits for the origin's answer. */
  static final long PULL_TIMEOUT_MILLIS = 500;

  private FlareConfig flare() {
    return context.invocation().config();
  }

  /** The namespace of the invocation's data: the flare's name until sites are configured. */
  private String site() {
    return flare().name();
  }

  /** A key that passed {@link SparkKeys#isValid(byte[])} is ASCII. */
  private static String ascii(byte[] key) {
    return new String(key, StandardCharsets.US_ASCII);
  }

  /** A write refused for want of the capability: logged, as denied secrets and fetches are. */
  private void denied(String function) {
    LOG.log(
        Level.WARNING,
        "flare {0}: {1} denied, the flare is not configured writes_spark_kv",
        context.invocation().config().name(),
        function);
  }
}
