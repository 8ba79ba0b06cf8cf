package dev.flarec.hostabi.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flarec.hostabi.config.FlareConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** timestamp driven through a compiled flare, on a fixed clock (flaron-abi.md §3.10, §4.4). */
class TimeImportsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-04-07T11:12:13.250Z"), ZoneOffset.UTC);
  private ForwardingFlare flare;

  @BeforeEach
  void setUp() {
    HostServices services = new HostServices(null, null, null, null, null, CLOCK);
    flare = ForwardingFlare.load("time", services, FlareConfig.defaults("time-test"));
  }

  private long call(String json) {
    ForwardingFlare.Arg a = flare.arg(json);
    return flare.callI64("timestamp", a.ptr(), a.len());
  }

  /** §4.4's table and conformance checklist item 34. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"format\":\"unix\"}|1775560333",
        "{\"format\":\"ms\"}|1775560333250",
        "{\"format\":\"ns\"}|1775560333250000000",
        "{\"format\":\"rfc3339\"}|2026-04-07T11:12:13Z",
        "{\"format\":\"iso8601\"}|2026-04-07T11:12:13Z",
        "{\"format\":\"http\"}|Tue, 07 Apr 2026 11:12:13 GMT",
        "{\"format\":\"unknown\"}|2026-04-07T11:12:13Z",
        "{\"format\":\"HTTP\"}|2026-04-07T11:12:13Z",
        "{\"format\":5}|2026-04-07T11:12:13Z",
        "{}|2026-04-07T11:12:13Z",
        " { \"other\" : 1 , \"format\" : \"ms\" } |1775560333250",
      })
  void formats(String json, String expected) {
    assertEquals(expected, flare.resultUtf8(call(json)));
  }

  @Test
  void noArgumentsMeanRfc3339() {
    assertEquals("2026-04-07T11:12:13Z", flare.resultUtf8(flare.callI64("timestamp", 0, 0)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"ms\"", "{\"format\":\"ms\"", "format=ms", "[]"})
  void argumentsThatAreNotAJsonObjectReturnZero(String json) {
    assertEquals(0L, call(json));
  }

  @Test
  void aGuestThatCannotAllocateGetsZero() {
    flare.failAlloc(true);
    assertEquals(0L, call("{\"format\":\"ms\"}"));
  }
}
