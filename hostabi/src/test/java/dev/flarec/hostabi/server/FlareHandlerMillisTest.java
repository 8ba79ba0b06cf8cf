package dev.flarec.hostabi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FlareHandlerMillisTest {
  @Test
  void durationsAreMillisecondsWithThreeDecimals() {
    assertEquals("0.000", FlareHandler.millis(0));
    assertEquals("0.000", FlareHandler.millis(999));
    assertEquals("0.001", FlareHandler.millis(1_000));
    assertEquals("0.010", FlareHandler.millis(10_000));
    assertEquals("0.100", FlareHandler.millis(100_999));
    assertEquals("1.234", FlareHandler.millis(1_234_567));
    assertEquals("12345.678", FlareHandler.millis(12_345_678_999L));
  }

  @Test
  void aNegativeDurationIsZero() {
    assertEquals("0.000", FlareHandler.millis(-5_000));
  }

  @Test
  void theTextIsWhatStringFormatGives() {
    for (long nanos = 0; nanos < 5_000_000_000L; nanos = nanos * 3 + 7_777) {
      long micros = nanos / 1000;
      assertEquals(
          String.format("%d.%03d", micros / 1000, micros % 1000), FlareHandler.millis(nanos));
    }
  }
}
