package dev.flarec.hostabi.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.hostabi.config.FlareConfig;
import dev.flarec.hostabi.config.FlareLimits;
import dev.flarec.hostabi.ids.IdGenerators;
import dev.flarec.hostabi.ids.Snowflake;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** id_* and snowflake_id driven through a compiled flare (flaron-abi.md §3.9; decisions 23–25). */
class IdImportsTest {
  private static final Instant NOW = Instant.parse("2026-04-07T11:12:13.456Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private ForwardingFlare flare;

  static FlareConfig withIdBudget(int maxIdGenerations) {
    FlareConfig c = FlareConfig.defaults("id-test");
    FlareLimits d = FlareLimits.DEFAULTS;
    FlareLimits limits =
        new FlareLimits(
            d.maxFetchRequests(),
            d.maxLogLines(),
            d.maxLogMessageBytes(),
            d.maxKvValueBytes(),
            d.maxSparkPulls(),
            d.maxKvWrites(),
            maxIdGenerations,
            d.maxWsSends(),
            d.maxWsMessageBytes(),
            d.deadline(),
            d.memoryCapBytes(),
            d.maxRequestBodyBytes());
    return new FlareConfig(
        c.name(),
        c.kind(),
        c.writesSparkKv(),
        c.writesPlasmaKv(),
        c.allowedSecrets(),
        c.allowedFetchUrls(),
        c.requiresRawAuth(),
        c.requiresBody(),
        c.isolation(),
        limits);
  }

  @BeforeEach
  void setUp() {
    HostServices services =
        new HostServices(null, null, null, null, new IdGenerators(9, CLOCK), CLOCK);
    flare = ForwardingFlare.load("ids", services, FlareConfig.defaults("id-test"));
  }

  private long uuid(String json) {
    ForwardingFlare.Arg a = flare.arg(json);
    return flare.callI64("id_uuid", a.ptr(), a.len());
  }

  private String text(long packed) {
    return flare.resultUtf8(packed);
  }

  /** Conformance checklist item 33 and §3.9's formats. */
  @Test
  void formats() {
    String v4 = text(uuid("{\"version\":\"v4\"}"));
    String v7 = text(uuid("{\"version\":\"v7\"}"));
    String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-%s[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    assertTrue(v4.matches(String.format(uuid, "4")), v4);
    assertTrue(v7.matches(String.format(uuid, "7")), v7);
    assertTrue(text(flare.callI64("id_ulid")).matches("[0-9A-HJKMNP-TV-Z]{26}"));
    assertTrue(text(flare.callI64("id_ksuid")).matches("[0-9A-Za-z]{27}"));
    assertTrue(text(flare.callI64("id_nanoid", 0)).matches("[A-Za-z0-9_-]{21}"));
    assertTrue(text(flare.callI64("id_nanoid", 8)).matches("[A-Za-z0-9_-]{8}"));
    assertTrue(text(flare.callI64("id_nanoid", 256)).matches("[A-Za-z0-9_-]{256}"));
    assertTrue(text(flare.callI64("id_snowflake")).matches("[1-9][0-9]{0,18}"));
    assertTrue(text(flare.callI64("snowflake_id")).matches("[1-9][0-9]{0,18}"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"version\":\"v1\"}",
        "{\"version\":\"V4\"}",
        "{\"version\":4}",
        "{}",
        "v4",
        "{\"version\":\"v7\""
      })
  void otherUuidRequestsReturnZero(String json) {
    assertEquals(0L, uuid(json));
  }

  @Test
  void uuidWithoutArgumentsReturnsZero() {
    assertEquals(0L, flare.callI64("id_uuid", 0, 0));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 257, Integer.MIN_VALUE})
  void nanoidLengthOutOfRangeReturnsZero(int length) {
    assertEquals(0L, flare.callI64("id_nanoid", length));
  }

  @Test
  void bothSnowflakeImportsShareOneGenerator() {
    long previous = -1;
    for (int i = 0; i < 10; i++) {
      long id = Long.parseLong(text(flare.callI64(i % 2 == 0 ? "id_snowflake" : "snowflake_id")));
      assertTrue(id > previous);
      assertEquals(i, Snowflake.sequenceOf(id));
      assertEquals(9, Snowflake.nodeOf(id));
      assertEquals(NOW, Snowflake.instantOf(id));
      previous = id;
    }
  }

  @Test
  void theIdBudgetCoversEveryKindAndRenewsPerInvocation() {
    flare.begin(withIdBudget(6));
    assertNotEquals(0L, uuid("{\"version\":\"v4\"}"));
    assertNotEquals(0L, flare.callI64("id_ulid"));
    assertNotEquals(0L, flare.callI64("id_nanoid", 0));
    assertNotEquals(0L, flare.callI64("id_ksuid"));
    assertNotEquals(0L, flare.callI64("id_snowflake"));
    // invalid requests make no ID and spend nothing
    assertEquals(0L, uuid("{\"version\":\"v9\"}"));
    assertEquals(0L, flare.callI64("id_nanoid", 999));
    assertNotEquals(0L, flare.callI64("snowflake_id"));
    // budget of 6 spent: every kind now answers 0
    assertEquals(0L, uuid("{\"version\":\"v7\"}"));
    assertEquals(0L, flare.callI64("id_ulid"));
    assertEquals(0L, flare.callI64("id_nanoid", 0));
    assertEquals(0L, flare.callI64("id_ksuid"));
    assertEquals(0L, flare.callI64("id_snowflake"));
    assertEquals(0L, flare.callI64("snowflake_id"));

    flare.begin(withIdBudget(6));
    assertNotEquals(0L, flare.callI64("id_ulid"));
  }

  @Test
  void theDefaultBudgetIsAThousand() {
    int made = 0;
    while (flare.callI64("id_nanoid", 1) != 0) {
      made++;
      flare.call("reset"); // keep the guest arena from filling up; the budget is host-side
    }
    assertEquals(1000, made);
  }

  @Test
  void aGuestThatCannotAllocateGetsZero() {
    flare.failAlloc(true);
    assertEquals(0L, flare.callI64("id_ulid"));
    assertEquals(0L, uuid("{\"version\":\"v4\"}"));
  }
}
