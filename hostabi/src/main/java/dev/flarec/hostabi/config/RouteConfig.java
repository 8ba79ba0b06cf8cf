package dev.flarec.hostabi.config;

import java.util.List;

/**
 * The {@code [route]} table: which requests reach a flare when a node serves several.
 *
 * @param hosts {@code Host} names (without port) the flare answers; empty for any
 * @param pathPrefix the paths it answers; empty for the default ({@code /} with hosts, else {@code
 *     /<flare name>/})
 */
public record RouteConfig(List<String> hosts, String pathPrefix) {
  public RouteConfig {
    hosts = List.copyOf(hosts);
  }
}
