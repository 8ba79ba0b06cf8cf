package dev.flarec.hostabi.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a node joins a cluster: the {@code [cluster]} table of the configuration, or {@code
 * --cluster-bind} and {@code --cluster-seeds} on the command line. The node's id is {@code
 * server.node_id} ({@code --node-id}).
 *
 * @param bind the address and port this node listens on for other nodes
 * @param seeds nodes to contact when joining (this node's own address may be among them)
 */
public record ClusterConfig(Address bind, List<Address> seeds) {
  public ClusterConfig {
    Objects.requireNonNull(bind, "bind");
    seeds = List.copyOf(seeds);
  }

  /**
   * A {@code HOST:PORT} pair; the host is a name or an IPv4 address, or an IPv6 address in
   * brackets.
   */
  public record Address(String host, int port) {
    /**
     * Parses {@code HOST:PORT}.
     *
     * @throws IllegalArgumentException with a one-line reason
     */
    public static Address parse(String text) {
      int colon = text.lastIndexOf(':');
      if (colon <= 0 || colon == text.length() - 1) {
        throw new IllegalArgumentException("expected HOST:PORT, got \"" + text + "\"");
      }
      String host = text.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      int port;
      try {
        port = Integer.parseInt(text.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 1 || port > 65535 || host.isEmpty()) {
        throw new IllegalArgumentException(
            "expected HOST:PORT with a port from 1 to 65535, got \"" + text + "\"");
      }
      return new Address(host, port);
    }

    /** Parses a comma-separated list of {@code HOST:PORT}; blanks around commas are ignored. */
    public static List<Address> parseList(String text) {
      List<Address> out = new ArrayList<>();
      for (String part : text.split(",")) {
        if (!part.isBlank()) {
          out.add(parse(part.strip()));
        }
      }
      return out;
    }

    @Override
    public String toString() {
      return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
  }
}
