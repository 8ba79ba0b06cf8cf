package dev.flarec.hostabi.node;

import java.util.List;
import java.util.Locale;

/**
 * Which requests a flare of a node answers: those whose {@code Host} (without the port) is one of
 * {@code hosts}, or any host when there are none, and whose path starts with {@code prefix}. The
 * prefix ends with {@code /}; the path without that slash matches too ({@code /shop} for {@code
 * /shop/}). Flares see the whole path, prefix included.
 *
 * @param hosts lower-case host names, or empty for any
 * @param prefix the path prefix, starting and ending with {@code /}
 */
record Route(List<String> hosts, String prefix) {
  Route {
    hosts = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    if (!prefix.startsWith("/")) {
      prefix = "/" + prefix;
    }
    if (!prefix.endsWith("/")) {
      prefix = prefix + "/";
    }
  }

  /**
   * The route a flare's {@code [route]} table gives: its hosts, and its path prefix, which defaults
   * to {@code /} when hosts are given and to {@code /NAME/} otherwise.
   */
  static Route of(String flareName, List<String> hosts, String pathPrefix) {
    if (!pathPrefix.isEmpty()) {
      return new Route(hosts, pathPrefix);
    }
    return new Route(hosts, hosts.isEmpty() ? "/" + flareName + "/" : "/");
  }

  boolean matches(String host, String path) {
    if (!hosts.isEmpty() && (host == null || !hosts.contains(hostName(host)))) {
      return false;
    }
    return path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1));
  }

  /**
   * How specific the route is, to pick among several that match: a named host beats any host, then
   * the longer prefix wins.
   */
  int specificity() {
    return (hosts.isEmpty() ? 0 : 1 << 20) + prefix.length();
  }

  private static String hostName(String hostHeader) {
    String h = hostHeader.toLowerCase(Locale.ROOT).strip();
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(0, end + 1);
    }
    int colon = h.lastIndexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }
}
