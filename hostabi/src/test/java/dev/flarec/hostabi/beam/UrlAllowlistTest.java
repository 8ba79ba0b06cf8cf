package dev.flarec.hostabi.beam;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlAllowlistTest {
  @ParameterizedTest
  @CsvSource({
    "https://api.github.com/*, https://api.github.com/repos/x, true",
    "https://api.github.com/*, https://api.github.com/, true",
    "https://api.github.com/*, https://api.github.com, false",
    "https://api.github.com/*, http://api.github.com/x, false",
    "https://api.github.com/*, https://api.github.com.evil.test/x, false",
    "https://api.github.com/*, https://API.github.com/x, false",
    "*, anything at all, true",
    "*, '', true",
    "https://*.example.com/*, https://a.example.com/x, true",
    "https://*.example.com/*, https://a.b.example.com/, true",
    "https://*.example.com/*, https://example.com/, false",
    "https://x.test/a*b*c, https://x.test/abc, true",
    "https://x.test/a*b*c, https://x.test/aXXbYYc, true",
    "https://x.test/a*b*c, https://x.test/aXXbYYcZ, false",
    "https://x.test/a*b*c, https://x.test/acb, false",
    "https://x.test/exact, https://x.test/exact, true",
    "https://x.test/exact, https://x.test/exact/more, false",
    "https://x.test/**, https://x.test/, true",
    "https://x.test/?q=*, https://x.test/?q=1, true",
    "https://x.test/.*, https://x.test/abc, false",
  })
  void globs(String pattern, String url, boolean expected) {
    assertTrue(UrlAllowlist.matches(pattern, url) == expected, pattern + " vs " + url);
  }

  @Test
  void anyPatternMayAllowAndEmptyAllowsNothing() {
    UrlAllowlist list = new UrlAllowlist(List.of("https://a.test/*", "https://b.test/x"));
    assertTrue(list.allows("https://a.test/1"));
    assertTrue(list.allows("https://b.test/x"));
    assertFalse(list.allows("https://b.test/y"));
    assertFalse(new UrlAllowlist(List.of()).allows("https://a.test/"));
  }

  @Test
  void hostileInputDoesNotBacktrackExponentially() {
    String pattern = "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b";
    String url = "a".repeat(20_000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(5), () -> assertFalse(UrlAllowlist.matches(pattern, url)));
  }
}
