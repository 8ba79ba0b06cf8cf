package dev.flarec.hostabi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code [cluster]} table and the HOST:PORT notation shared with the command line. */
class ClusterConfigTest {
  private final ConfigLoader loader = new ConfigLoader(name -> null);

  @Test
  void addressesParse() {
    assertEquals(
        new ClusterConfig.Address("127.0.0.1", 7800),
        ClusterConfig.Address.parse("127.0.0.1:7800"));
    assertEquals(new ClusterConfig.Address("::1", 7800), ClusterConfig.Address.parse("[::1]:7800"));
    assertEquals(
        List.of(new ClusterConfig.Address("a", 1), new ClusterConfig.Address("b", 2)),
        ClusterConfig.Address.parseList("a:1, b:2,"));
    for (String bad : List.of("host", "host:", ":7800", "host:0", "host:70000", "host:x")) {
      assertThrows(IllegalArgumentException.class, () -> ClusterConfig.Address.parse(bad), bad);
    }
  }

  @Test
  void theTableIsReadAndNoBindMeansNoCluster() {
    assertNull(loader.cluster("", "c.toml"));
    ClusterConfig c =
        loader.cluster(
            "[cluster]\nbind = \"127.0.0.1:7800\"\nseeds = [\"127.0.0.1:7801\"]\n", "c.toml");
    assertEquals(new ClusterConfig.Address("127.0.0.1", 7800), c.bind());
    assertEquals(List.of(new ClusterConfig.Address("127.0.0.1", 7801)), c.seeds());
  }

  @Test
  void mistakesNameTheKey() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> loader.cluster("[cluster]\nbind = \"nope\"\n", "c.toml"));
    assertEquals(true, e.getMessage().contains("cluster.bind"), e.getMessage());
    e =
        assertThrows(
            ConfigException.class,
            () -> loader.cluster("[cluster]\nseeds = [\"a:1\"]\n", "c.toml"));
    assertEquals(true, e.getMessage().contains("cluster.bind"), e.getMessage());
    e =
        assertThrows(
            ConfigException.class,
            () -> loader.cluster("[cluster]\nbind = \"a:1\"\nseeds = [\"a\"]\n", "c.toml"));
    assertEquals(true, e.getMessage().contains("cluster.seeds"), e.getMessage());
  }
}
