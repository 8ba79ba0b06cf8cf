package dev.flarec.hostabi.beam;

import java.util.List;

/**
 * A flare's {@code allowed_fetch_urls}: glob patterns matched against the whole URL exactly as the
 * flare wrote it, where {@code *} matches any run of characters (including none, and including
 * {@code /}) and every other character matches itself (case-sensitively).
 *
 * <p>Because {@code *} crosses {@code /}, a pattern should spell its host out and end it with a
 * {@code /}: {@code https://api.example.com/*} is safe, while {@code https://*.example.com/*} also
 * matches {@code https://evil.test/.example.com/}. The matcher is a linear-time two-pointer
 * wildcard match (no regular expressions, so no pathological backtracking on hostile URLs).
 */
public final class UrlAllowlist {
  private final List<String> patterns;

  public UrlAllowlist(List<String> patterns) {
    this.patterns = List.copyOf(patterns);
  }

  public List<String> patterns() {
    return patterns;
  }

  /** True if some pattern matches {@code url}; an empty allowlist allows nothing. */
  public boolean allows(String url) {
    for (String p : patterns) {
      if (matches(p, url)) {
        return true;
      }
    }
    return false;
  }

  /** True if glob {@code pattern} matches the whole of {@code text}. */
  public static boolean matches(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1; // position in pattern just after the last '*' seen
    int resume = 0; // where in text that '*' currently stops swallowing
    while (t < text.length()) {
      if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = ++p;
        resume = t;
      } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
        p++;
        t++;
      } else if (star >= 0) {
        // Let the last '*' swallow one more character and retry from there.
        p = star;
        t = ++resume;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
