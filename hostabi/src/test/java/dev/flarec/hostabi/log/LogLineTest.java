package dev.flarec.hostabi.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class LogLineTest {
  @Test
  void rendersLogfmtQuotingOnlyWhatNeedsIt() {
    String line =
        LogLine.of("request")
            .field("flare", "hello")
            .field("status", 200)
            .field("path", "/a?b=c")
            .field("msg", "two words")
            .field("none", null)
            .render();
    assertEquals("request flare=hello status=200 path=\"/a?b=c\" msg=\"two words\"", line);
  }

  @Test
  void aKeyAddedAgainKeepsItsPlaceAndTakesTheNewValue() {
    String key = new StringBuilder("status").toString(); // equal to the constant, another object
    String line =
        LogLine.of("request").field("status", 200).field("flare", "hello").field(key, 503).render();
    assertEquals("request status=503 flare=hello", line);
  }

  @Test
  void aFlareCannotForgeALineOrAField() {
    String line = LogLine.of("flare-log").field("msg", "x\" level=ERROR\nfake line\u0001").render();
    assertEquals("flare-log msg=\"x\\\" level=ERROR\\nfake line\\u0001\"", line);
    assertEquals("e v=\"\"", LogLine.of("e").field("v", "").render());
  }

  @Test
  void theFormatterWritesOneLineWithTimeLevelAndLogger() {
    LogRecord record = new LogRecord(Level.WARNING, "flare-trap flare=x");
    record.setLoggerName("flarec.host");
    record.setMillis(0);
    assertEquals(
        "1970-01-01T00:00:00.000Z WARN host flare-trap flare=x" + System.lineSeparator(),
        new LineFormatter().format(record));
    record.setLevel(Level.SEVERE);
    assertTrue(new LineFormatter().format(record).contains(" ERROR "));
  }

  @Test
  void recordsOfOtherCodeAreFormattedWithTheirParameters() {
    LogRecord record = new LogRecord(Level.INFO, "flare {0}: secret \"{1}\" denied");
    record.setParameters(new Object[] {"hello", "K"});
    assertEquals("flare hello: secret \"K\" denied", new LineFormatter().formatMessage(record));
    LogRecord line = new LogRecord(Level.INFO, "e msg=\"{0}\"");
    line.setParameters(new Object[] {LogLine.of("e")});
    assertEquals(
        "e msg=\"{0}\"", new LineFormatter().formatMessage(line), "a LogLine is left as is");
  }
}
