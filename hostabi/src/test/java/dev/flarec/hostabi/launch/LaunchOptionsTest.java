package dev.flarec.hostabi.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.hostabi.config.ClusterConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cluster options of a flare JAR's command line. */
class LaunchOptionsTest {
  @Test
  void clusterOptionsParse() throws Exception {
    LaunchOptions o =
        LaunchOptions.parse(
            List.of(
                "--cluster-bind",
                "127.0.0.1:7800",
                "--cluster-seeds=127.0.0.1:7800,127.0.0.1:7801",
                "--node-id",
                "edge-1"));
    assertEquals(new ClusterConfig.Address("127.0.0.1", 7800), o.clusterBind());
    assertEquals(
        List.of(
            new ClusterConfig.Address("127.0.0.1", 7800),
            new ClusterConfig.Address("127.0.0.1", 7801)),
        o.clusterSeeds());
    assertEquals("edge-1", o.nodeId());
    LaunchOptions alone = LaunchOptions.parse(List.of());
    assertNull(alone.clusterBind());
    assertNull(alone.clusterSeeds());
    assertNull(alone.nodeId());
  }

  @Test
  void mistakesAreOneLineNamingTheOption() {
    LaunchOptions.UsageException e =
        assertThrows(
            LaunchOptions.UsageException.class,
            () -> LaunchOptions.parse(List.of("--cluster-bind", "nohost")));
    assertTrue(e.getMessage().startsWith("--cluster-bind: expected HOST:PORT"), e.getMessage());
    e =
        assertThrows(
            LaunchOptions.UsageException.class,
            () -> LaunchOptions.parse(List.of("--cluster-seeds", "a:1")));
    assertTrue(e.getMessage().contains("needs --cluster-bind"), e.getMessage());
    e =
        assertThrows(
            LaunchOptions.UsageException.class, () -> LaunchOptions.parse(List.of("--node-id")));
    assertEquals("--node-id: missing NAME", e.getMessage());
  }
}
