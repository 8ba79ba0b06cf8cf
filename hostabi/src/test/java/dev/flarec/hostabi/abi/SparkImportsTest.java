package dev.flarec.hostabi.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.hostabi.config.FlareConfig;
import dev.flarec.hostabi.config.FlareLimits;
import dev.flarec.hostabi.metrics.HostCall;
import dev.flarec.hostabi.server.LogCapture;
import dev.flarec.hostabi.spark.MutableClock;
import dev.flarec.hostabi.spark.SparkSettings;
import dev.flarec.hostabi.spark.SparkStore;
import dev.flarec.runtime.trap.WasmTrap;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spark_* driven through a compiled flare (flaron-abi.md §3.4, decisions 18, 19, 23). */
class SparkImportsTest {
  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private SparkStore store;
  private HostServices services;
  private ForwardingFlare flare;

  @BeforeEach
  void setUp() {
    store = SparkStore.open(dir, clock, new SparkSettings(10_000, 3600, false));
    services = new HostServices(store, null, null, null, null, clock);
    flare = ForwardingFlare.load("spark", services, writer("site-a"));
  }

  @AfterEach
  void tearDown() {
    services.close();
  }

  static FlareConfig writer(String name) {
    return withSpark(FlareConfig.defaults(name), true, FlareLimits.DEFAULTS);
  }

  static FlareConfig withSpark(FlareConfig c, boolean writes, FlareLimits limits) {
    return new FlareConfig(
        c.name(),
        c.kind(),
        writes,
        c.writesPlasmaKv(),
        c.allowedSecrets(),
        c.allowedFetchUrls(),
        c.requiresRawAuth(),
        c.requiresBody(),
        c.isolation(),
        limits);
  }

  static FlareLimits limits(int maxKvValueBytes, int maxKvWrites) {
    FlareLimits d = FlareLimits.DEFAULTS;
    return new FlareLimits(
        d.maxFetchRequests(),
        d.maxLogLines(),
        d.maxLogMessageBytes(),
        maxKvValueBytes,
        d.maxSparkPulls(),
        maxKvWrites,
        d.maxIdGenerations(),
        d.maxWsSends(),
        d.maxWsMessageBytes(),
        d.deadline(),
        d.memoryCapBytes(),
        d.maxRequestBodyBytes());
  }

  private int set(String key, byte[] value, int ttl) {
    var k = flare.arg(key);
    var v = flare.arg(value);
    return flare.callI32("spark_set", k.ptr(), k.len(), v.ptr(), v.len(), ttl);
  }

  private byte[] get(String key) {
    var k = flare.arg(key);
    return flare.result(flare.callI64("spark_get", k.ptr(), k.len()));
  }

  private static int ttlOf(byte[] result) {
    return ByteBuffer.wrap(result).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  private static byte[] valueOf(byte[] result) {
    return Arrays.copyOfRange(result, 4, result.length);
  }

  @Test
  void setThenGetReturnsTtlPrefixAndValue() {
    assertEquals(0, set("k", new byte[] {0x76}, 60));
    byte[] r = get("k");
    assertEquals(60, ttlOf(r));
    assertArrayEquals(new byte[] {0x76}, valueOf(r));
  }

  @Test
  void ttlZeroMeansNoExpiry() {
    assertEquals(0, set("forever", "v".getBytes(StandardCharsets.UTF_8), 0));
    clock.advance(Duration.ofDays(3650));
    assertEquals(0, ttlOf(get("forever")));
  }

  @Test
  void remainingTtlIsRoundedUpAndEntryExpires() {
    set("k", "v".getBytes(StandardCharsets.UTF_8), 600);
    clock.advance(Duration.ofMillis(100_500));
    assertEquals(500, ttlOf(get("k"))); // 499.5 s left, rounded up
    clock.advance(Duration.ofMillis(499_499));
    assertEquals(1, ttlOf(get("k"))); // 1 ms left
    clock.advance(Duration.ofMillis(1));
    assertNull(get("k"));
  }

  @Test
  void emptyValueIsExactlyTheFourBytePrefix() {
    assertEquals(0, set("empty", new byte[0], 60));
    byte[] r = get("empty");
    assertEquals(4, r.length);
    assertEquals(60, ttlOf(r));
  }

  @Test
  void missingKeyIsZero() {
    var k = flare.arg("nope");
    assertEquals(0L, flare.callI64("spark_get", k.ptr(), k.len()));
  }

  @Test
  void badKeysAreCode8AndNeverFound() {
    for (String bad :
        List.of("", "has space", "slash/y", "__flaron:x", "__sys:y", "x".repeat(257), "é")) {
      assertEquals(8, set(bad, new byte[] {1}, 0), bad);
      if (!bad.isEmpty()) {
        assertNull(get(bad), bad);
      }
    }
    assertEquals(0, set("a-Z_0.9:ok", new byte[] {1}, 0));
    assertEquals(0, set("x".repeat(256), new byte[] {1}, 0));
  }

  @Test
  void negativeOrOversizedTtlIsCode1() {
    assertEquals(1, set("k", new byte[] {1}, -1));
    assertEquals(1, set("k", new byte[] {1}, 3601));
    assertEquals(0, set("k", new byte[] {1}, 3600));
  }

  @Test
  void valueOverMaxKvValueBytesIsCode2() {
    flare.begin(withSpark(FlareConfig.defaults("site-a"), true, limits(8, 100)));
    assertEquals(2, set("k", new byte[9], 0));
    assertEquals(0, set("k", new byte[8], 0));
  }

  @Test
  void withoutCapabilityWritesAreCode9AndDeleteIsANoOp() {
    set("k", new byte[] {1}, 0);
    flare.begin(withSpark(FlareConfig.defaults("site-a"), false, FlareLimits.DEFAULTS));
    assertEquals(9, set("k", new byte[] {2}, 0));
    var k = flare.arg("k");
    flare.call("spark_delete", k.ptr(), k.len());
    assertArrayEquals(new byte[] {1}, valueOf(get("k")));
    var origin = flare.arg("node-2");
    var keys = flare.arg("[\"k\"]");
    assertEquals(
        -9, flare.callI32("spark_pull", origin.ptr(), origin.len(), keys.ptr(), keys.len()));
  }

  @Test
  void aDeniedWriteIsLoggedAsAWarningNamingTheCapability() {
    flare.begin(withSpark(FlareConfig.defaults("site-a"), false, FlareLimits.DEFAULTS));
    try (LogCapture log = LogCapture.of(Logger.getLogger(SparkImports.class.getName()))) {
      assertEquals(9, set("k", new byte[] {2}, 0));
      List<LogRecord> warnings =
          log.records().stream().filter(r -> Level.WARNING.equals(r.getLevel())).toList();
      assertEquals(1, warnings.size());
      String text = new SimpleFormatter().formatMessage(warnings.get(0));
      assertTrue(text.contains("spark_set") && text.contains("writes_spark_kv"), text);
    }
    assertEquals(1, services.metrics().hostCalls(HostCall.SPARK), "a refused call counts too");
  }

  @Test
  void writeLimitIsCode3AndResetsWithTheNextInvocation() {
    flare.begin(withSpark(FlareConfig.defaults("site-a"), true, limits(1024, 2)));
    assertEquals(0, set("a", new byte[] {1}, 0));
    var k = flare.arg("a");
    flare.call("spark_delete", k.ptr(), k.len()); // a delete is a write too
    assertEquals(3, set("b", new byte[] {1}, 0));
    assertEquals(8, set("bad key", new byte[] {1}, 0)); // validation comes before the budget
    flare.begin(withSpark(FlareConfig.defaults("site-a"), true, limits(1024, 2)));
    assertEquals(0, set("b", new byte[] {1}, 0));
  }

  @Test
  void quotaFullIsCode4() {
    // quota 10,000 bytes per site; each entry costs key + 8 + value
    assertEquals(0, set("big1", new byte[5000], 0));
    assertEquals(4, set("big2", new byte[5000], 0));
    assertEquals(0, set("big1", new byte[4000], 0)); // overwriting frees the old value's room
  }

  @Test
  void deleteRemovesTheKey() {
    set("k", new byte[] {1}, 0);
    var k = flare.arg("k");
    flare.call("spark_delete", k.ptr(), k.len());
    assertNull(get("k"));
    var missing = flare.arg("missing");
    flare.call("spark_delete", missing.ptr(), missing.len()); // no-op, no trap
  }

  @Test
  void listIsAJsonArrayOfLiveKeysOfThisSiteOnly() {
    assertEquals("[]", flare.resultUtf8(flare.callI64("spark_list")));
    set("b", new byte[] {1}, 0);
    set("a", new byte[] {1}, 0);
    set("c", new byte[] {1}, 10);
    assertEquals("[\"a\",\"b\",\"c\"]", flare.resultUtf8(flare.callI64("spark_list")));
    clock.advance(Duration.ofSeconds(10));
    assertEquals("[\"a\",\"b\"]", flare.resultUtf8(flare.callI64("spark_list")));

    flare.begin(writer("site-b"));
    assertEquals("[]", flare.resultUtf8(flare.callI64("spark_list")));
    assertNull(get("a"));
  }

  @Test
  void pullCodes() {
    var origin = flare.arg("node-2");
    var good = flare.arg("[\"a\",\"b\",\"c\"]");
    assertEquals(
        -5, flare.callI32("spark_pull", origin.ptr(), origin.len(), good.ptr(), good.len()));
    assertEquals(
        -3, flare.callI32("spark_pull", origin.ptr(), origin.len(), good.ptr(), good.len()));

    for (String badKeys :
        List.of("[\"a\",\"bad key\"]", "not json", "[1]", "{\"a\":1}", "[\"a\"] []", "")) {
      flare.begin(writer("site-a"));
      var o = flare.arg("node-2");
      var bad = flare.arg(badKeys);
      assertEquals(
          -8, flare.callI32("spark_pull", o.ptr(), o.len(), bad.ptr(), bad.len()), badKeys);
    }
  }

  @Test
  void allocFailureIsZero() {
    set("k", new byte[] {1}, 0);
    flare.failAlloc(true);
    var k = flare.arg("k");
    assertEquals(0L, flare.callI64("spark_get", k.ptr(), k.len()));
    assertEquals(0L, flare.callI64("spark_list"));
  }

  @Test
  void outOfBoundsArgumentTraps() {
    assertThrows(WasmTrap.class, () -> flare.call("spark_get", 0x1FFFF, 2));
    assertThrows(WasmTrap.class, () -> flare.call("spark_set", 16, 1, 0, -1, 0));
    assertThrows(WasmTrap.class, () -> flare.call("spark_delete", -16, 4));
  }

  @Test
  void withoutSparkWritesAreCode5AndReadsZero() {
    ForwardingFlare noSpark =
        ForwardingFlare.load(
            "spark", new HostServices(null, null, null, null, null, clock), writer("s"));
    var k = noSpark.arg("k");
    assertEquals(5, noSpark.callI32("spark_set", k.ptr(), k.len(), 0, 0, 0));
    assertEquals(0L, noSpark.callI64("spark_get", k.ptr(), k.len()));
    assertEquals(0L, noSpark.callI64("spark_list"));
  }

  @Test
  void valuesSurviveClosingAndReopeningTheStore() {
    assertEquals(0, set("persist", "hello".getBytes(StandardCharsets.UTF_8), 0));
    services.close();
    store = SparkStore.open(dir, clock, SparkSettings.DEFAULTS);
    services = new HostServices(store, null, null, null, null, clock);
    flare = ForwardingFlare.load("spark", services, writer("site-a"));
    assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), valueOf(get("persist")));
  }
}
