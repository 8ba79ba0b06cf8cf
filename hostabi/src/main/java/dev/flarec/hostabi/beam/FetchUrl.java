package dev.flarec.hostabi.beam;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URL strings a flare may fetch at all, before the allowlist is asked: absolute {@code http}
 * or {@code https} URLs with a host and without user info. User info ({@code
 * https://api.example.com@evil.test/}) is refused because it is the classic way to make a URL look,
 * to a pattern, as if it named another host.
 */
public final class FetchUrl {
  private FetchUrl() {}

  /** The URL as a URI, if it is one Beam may fetch. */
  public static Optional<URI> parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https"))
        || uri.getHost() == null
        || uri.getRawUserInfo() != null) {
      return Optional.empty();
    }
    return Optional.of(uri);
  }
}
