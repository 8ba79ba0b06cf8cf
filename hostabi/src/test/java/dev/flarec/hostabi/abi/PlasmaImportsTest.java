package dev.flarec.hostabi.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.hostabi.config.FlareConfig;
import dev.flarec.hostabi.config.FlareLimits;
import dev.flarec.hostabi.plasma.PlasmaStore;
import dev.flarec.hostabi.server.LogCapture;
import dev.flarec.hostabi.spark.MutableClock;
import dev.flarec.runtime.trap.WasmTrap;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** plasma_* driven through a compiled flare (flaron-abi.md §3.5, decisions 10, 20, 23). */
class PlasmaImportsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private PlasmaStore plasma;
  private ForwardingFlare flare;

  static FlareConfig plasmaConfig(String name, boolean writes, FlareLimits limits) {
    FlareConfig c = FlareConfig.defaults(name);
    return new FlareConfig(
        c.name(),
        c.kind(),
        c.writesSparkKv(),
        writes,
        c.allowedSecrets(),
        c.allowedFetchUrls(),
        c.requiresRawAuth(),
        c.requiresBody(),
        c.isolation(),
        limits);
  }

  @BeforeEach
  void setUp() {
    plasma = new PlasmaStore("node-1", clock);
    flare =
        ForwardingFlare.load(
            "plasma",
            new HostServices(null, plasma, null, null, null, clock),
            plasmaConfig("site", true, FlareLimits.DEFAULTS));
  }

  private int set(String key, byte[] value) {
    var k = flare.arg(key);
    var v = flare.arg(value);
    return flare.callI32("plasma_set", k.ptr(), k.len(), v.ptr(), v.len());
  }

  private byte[] get(String key) {
    var k = flare.arg(key);
    return flare.result(flare.callI64("plasma_get", k.ptr(), k.len()));
  }

  private int delete(String key) {
    var k = flare.arg(key);
    return flare.callI32("plasma_delete", k.ptr(), k.len());
  }

  private long counterCall(String fn, String key, long delta) {
    var k = flare.arg(key);
    return flare.callI64(fn, k.ptr(), k.len(), delta);
  }

  private Long counter(String fn, String key, long delta) {
    byte[] r = flare.result(counterCall(fn, key, delta));
    if (r == null) {
      return null;
    }
    assertEquals(8, r.length);
    return ByteBuffer.wrap(r).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  @Test
  void setGetDelete() {
    assertEquals(0, set("k", "value".getBytes(StandardCharsets.UTF_8)));
    assertArrayEquals("value".getBytes(StandardCharsets.UTF_8), get("k"));
    assertEquals(0, delete("k"));
    assertNull(get("k"));
    assertEquals(0, delete("never-set"), "deleting a missing key is success");
  }

  @Test
  void rawBytesAndEmptyValue() {
    assertEquals(0, set("bin", new byte[] {0, 1, (byte) 0xFF}));
    assertArrayEquals(new byte[] {0, 1, (byte) 0xFF}, get("bin"));
    assertEquals(0, set("empty", new byte[0]));
    assertNull(get("empty"), "an empty value reaches the guest as 0 (decision 10)");
  }

  @Test
  void incrementAndDecrementReturnLittleEndianI64() {
    assertEquals(5L, counter("plasma_increment", "c", 5));
    assertEquals(8L, counter("plasma_increment", "c", 3));
    assertEquals(100L, counter("plasma_increment", "d", 100));
    assertEquals(105L, counter("plasma_increment", "d", 5));
    assertEquals(10L, counter("plasma_increment", "e", 10));
    assertEquals(6L, counter("plasma_decrement", "e", 4));
    assertEquals(-94L, counter("plasma_decrement", "e", 100));
    assertEquals(-90L, counter("plasma_increment", "e", 4));
    assertEquals(-80L, counter("plasma_decrement", "e", -10));
  }

  @Test
  void countersAndValuesAreSeparateNamespaces() {
    counter("plasma_increment", "shared", 7);
    assertNull(get("shared"), "plasma_get never returns counter state");
    set("shared", new byte[] {42});
    assertArrayEquals(new byte[] {42}, get("shared"));
    assertEquals(8L, counter("plasma_increment", "shared", 1));
    delete("shared");
    assertEquals(9L, counter("plasma_increment", "shared", 1));
    assertEquals("[\"shared\"]", flare.resultUtf8(flare.callI64("plasma_list")));
  }

  @Test
  void listHasBothKindsSortedOnce() {
    assertEquals("[]", flare.resultUtf8(flare.callI64("plasma_list")));
    set("y", new byte[] {1});
    set("x", new byte[] {1});
    counter("plasma_increment", "x", 1);
    counter("plasma_increment", "z", 1);
    set("gone", new byte[] {1});
    delete("gone");
    assertEquals("[\"x\",\"y\",\"z\"]", flare.resultUtf8(flare.callI64("plasma_list")));
  }

  @Test
  void overflowAndMinValueDecrementAreZeroAndLeaveTheCounterAlone() {
    assertEquals(Long.MAX_VALUE, counter("plasma_increment", "c", Long.MAX_VALUE));
    assertEquals(0L, counterCall("plasma_increment", "c", 1));
    assertEquals(0L, counterCall("plasma_decrement", "c", Long.MIN_VALUE));
    assertEquals(Long.MAX_VALUE - 1, counter("plasma_decrement", "c", 1));
  }

  @Test
  void badKeysAreCode4AndZero() {
    byte[] invalidUtf8 = {(byte) 0xC3};
    for (byte[] bad :
        new byte[][] {
          new byte[0],
          new byte[257],
          invalidUtf8,
          "a\nb".getBytes(StandardCharsets.UTF_8),
          "__sys:x".getBytes(StandardCharsets.UTF_8)
        }) {
      var k = flare.arg(bad);
      assertEquals(4, flare.callI32("plasma_set", k.ptr(), k.len(), 0, 0));
      assertEquals(4, flare.callI32("plasma_delete", k.ptr(), k.len()));
      assertEquals(0L, flare.callI64("plasma_increment", k.ptr(), k.len(), 1L));
      assertEquals(0L, flare.callI64("plasma_get", k.ptr(), k.len()));
    }
    assertEquals(0, set("unicode ✓ / spaces ok", new byte[] {1}));
    assertEquals("[\"unicode ✓ / spaces ok\"]", flare.resultUtf8(flare.callI64("plasma_list")));
  }

  @Test
  void withoutCapabilityWritesAreCode5AndCountersZero() {
    flare.begin(plasmaConfig("site", false, FlareLimits.DEFAULTS));
    assertEquals(5, set("k", new byte[] {1}));
    assertEquals(5, delete("k"));
    assertEquals(0L, counterCall("plasma_increment", "c", 1));
    assertEquals(0L, counterCall("plasma_decrement", "c", 1));
    assertEquals("[]", flare.resultUtf8(flare.callI64("plasma_list")), "reads need no capability");
  }

  @Test
  void aDeniedWriteIsLoggedAsAWarningNamingTheCapability() {
    flare.begin(plasmaConfig("site", false, FlareLimits.DEFAULTS));
    try (LogCapture log = LogCapture.of(Logger.getLogger(PlasmaImports.class.getName()))) {
      assertEquals(5, set("k", new byte[] {1}));
      List<LogRecord> warnings =
          log.records().stream().filter(r -> Level.WARNING.equals(r.getLevel())).toList();
      assertEquals(1, warnings.size());
      String text = new SimpleFormatter().formatMessage(warnings.get(0));
      assertTrue(text.contains("writes_plasma_kv"), text);
    }
  }

  @Test
  void tooLargeIsCode3AndWriteLimitCode2() {
    FlareLimits d = FlareLimits.DEFAULTS;
    FlareLimits small =
        new FlareLimits(
            d.maxFetchRequests(),
            d.maxLogLines(),
            d.maxLogMessageBytes(),
            4,
            d.maxSparkPulls(),
            3,
            d.maxIdGenerations(),
            d.maxWsSends(),
            d.maxWsMessageBytes(),
            d.deadline(),
            d.memoryCapBytes(),
            d.maxRequestBodyBytes());
    flare.begin(plasmaConfig("site", true, small));
    assertEquals(3, set("k", new byte[5]));
    assertEquals(0, set("k", new byte[4]));
    assertEquals(0, delete("k"));
    assertEquals(1L, counter("plasma_increment", "c", 1));
    assertEquals(2, set("k", new byte[1]));
    assertEquals(2, delete("k"));
    assertEquals(0L, counterCall("plasma_increment", "c", 1));
  }

  @Test
  void withoutPlasmaWritesAreCode1() {
    ForwardingFlare none =
        ForwardingFlare.load(
            "plasma",
            new HostServices(null, null, null, null, null, clock),
            plasmaConfig("s", true, FlareLimits.DEFAULTS));
    var k = none.arg("k");
    assertEquals(1, none.callI32("plasma_set", k.ptr(), k.len(), 0, 0));
    assertEquals(1, none.callI32("plasma_delete", k.ptr(), k.len()));
    assertEquals(0L, none.callI64("plasma_get", k.ptr(), k.len()));
    assertEquals(0L, none.callI64("plasma_list"));
  }

  @Test
  void allocFailureAndBadRanges() {
    set("k", new byte[] {1});
    flare.failAlloc(true);
    assertEquals(0L, flare.callI64("plasma_get", flare.arg("k").ptr(), 1));
    assertEquals(0L, counterCall("plasma_increment", "c", 1));
    flare.failAlloc(false);
    assertThrows(WasmTrap.class, () -> flare.call("plasma_set", 0, 1 << 20, 0, 0));
    assertThrows(WasmTrap.class, () -> flare.call("plasma_get", 16, -1));
  }

  @Test
  void sitesAreSeparate() {
    set("k", new byte[] {1});
    flare.begin(plasmaConfig("other-site", true, FlareLimits.DEFAULTS));
    assertNull(get("k"));
  }
}
