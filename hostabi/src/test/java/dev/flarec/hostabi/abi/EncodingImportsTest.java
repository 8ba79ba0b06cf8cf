package dev.flarec.hostabi.abi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flarec.hostabi.config.FlareConfig;
import dev.flarec.runtime.trap.WasmTrap;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** encoding_* driven through a compiled flare (flaron-abi.md §3.8; decisions 10, 11, 27). */
class EncodingImportsTest {
  private ForwardingFlare flare;

  @BeforeEach
  void setUp() {
    HostServices services = new HostServices(null, null, null, null, null, Clock.systemUTC());
    flare = ForwardingFlare.load("encoding", services, FlareConfig.defaults("encoding-test"));
  }

  private long call(String function, byte[] input) {
    ForwardingFlare.Arg a = flare.arg(input);
    return flare.callI64(function, a.ptr(), a.len());
  }

  private byte[] bytes(String function, byte[] input) {
    return flare.result(call(function, input));
  }

  private String text(String function, String input) {
    return flare.resultUtf8(call(function, input.getBytes(StandardCharsets.UTF_8)));
  }

  /** Conformance checklist item 32. */
  @ParameterizedTest
  @CsvSource({
    "encoding_base64_encode, hello, aGVsbG8=",
    "encoding_base64_decode, aGVsbG8=, hello",
    "encoding_hex_encode, hello, 68656c6c6f",
    "encoding_hex_decode, 68656c6c6f, hello",
    "encoding_url_encode, hello world, hello%20world",
    "encoding_url_decode, hello%20world, hello world",
    "encoding_url_decode, a+b, a+b",
    "encoding_url_encode, é~*, %C3%A9~%2A",
    "encoding_hex_decode, DEADBEEF, \u00de\u00ad\u00be\u00ef",
  })
  void examples(String function, String input, String output) {
    if (function.equals("encoding_hex_decode") && input.equals("DEADBEEF")) {
      assertArrayEquals(
          new byte[] {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF},
          bytes(function, input.getBytes(StandardCharsets.US_ASCII)));
      return;
    }
    assertEquals(output, text(function, input));
  }

  @Test
  void binaryDataRoundTrips() {
    byte[] data = {0x00, 0x01, (byte) 0xFF, 0x7F, (byte) 0x80, 0x0A};
    assertArrayEquals(data, bytes("encoding_base64_decode", bytes("encoding_base64_encode", data)));
    assertArrayEquals(data, bytes("encoding_hex_decode", bytes("encoding_hex_encode", data)));
    assertArrayEquals(data, bytes("encoding_url_decode", bytes("encoding_url_encode", data)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "encoding_base64_encode", "encoding_base64_decode", "encoding_hex_encode",
        "encoding_hex_decode", "encoding_url_encode", "encoding_url_decode"
      })
  void emptyInputIsZeroWhateverThePointer(String function) {
    assertEquals(0L, flare.callI64(function, 0, 0));
    assertEquals(0L, flare.callI64(function, 12345, 0));
  }

  @ParameterizedTest
  @CsvSource({
    "encoding_base64_decode, aGVs*G8=",
    "encoding_base64_decode, 'aGVs bG8='",
    "encoding_hex_decode, 686",
    "encoding_hex_decode, 6g",
    "encoding_url_decode, 100%",
    "encoding_url_decode, %zz",
  })
  void malformedInputIsZero(String function, String input) {
    assertEquals(0L, call(function, input.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void badRangesTrap() {
    assertThrows(WasmTrap.class, () -> flare.callI64("encoding_hex_encode", 0x20000, 1));
    assertThrows(WasmTrap.class, () -> flare.callI64("encoding_hex_encode", -1, 2));
    assertThrows(WasmTrap.class, () -> flare.callI64("encoding_hex_encode", 16, -5));
  }

  @Test
  void aGuestThatCannotAllocateGetsZero() {
    flare.failAlloc(true);
    assertEquals(0L, call("encoding_base64_encode", "hello".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void resultsTooBigForTheArenaAreZero() {
    // 40,000 bytes hex-encode to 80,000: more than the test flare's 64 KiB arena
    ForwardingFlare.Arg big = flare.arg(new byte[40_000]);
    assertEquals(0L, flare.callI64("encoding_hex_encode", big.ptr(), big.len()));
    // while 53,336 base64 characters still fit
    long packed = flare.callI64("encoding_base64_encode", big.ptr(), big.len());
    assertEquals(53_336L, packed & 0xFFFF_FFFFL);
  }
}
