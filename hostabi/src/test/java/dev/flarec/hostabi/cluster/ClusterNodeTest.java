package dev.flarec.hostabi.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flarec.hostabi.config.ClusterConfig;
import dev.flarec.hostabi.plasma.PlasmaStore;
import dev.flarec.hostabi.spark.SparkCode;
import dev.flarec.hostabi.spark.SparkStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes in one JVM on loopback: Plasma changes cross, spark_pull reaches a named peer. */
class ClusterNodeTest {
  @TempDir Path dir;

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("not within 15 s: " + what);
  }

  private static ClusterNode join(
      String id, int port, List<ClusterConfig.Address> seeds, PlasmaStore plasma, SparkStore spark)
      throws Exception {
    ClusterNode node =
        ClusterNode.join(
            new ClusterConfig(new ClusterConfig.Address("127.0.0.1", port), seeds),
            id,
            plasma,
            spark,
            Clock.systemUTC());
    plasma.listen(
        (site, delta, local) -> {
          if (local) {
            node.replicate(site, delta);
          }
        });
    return node;
  }

  @Test
  void plasmaReplicatesAndSparkPullsBetweenTwoNodes() throws Exception {
    int portA = ClusterPorts.free();
    int portB = ClusterPorts.free();
    List<ClusterConfig.Address> seeds =
        List.of(
            new ClusterConfig.Address("127.0.0.1", portA),
            new ClusterConfig.Address("127.0.0.1", portB));
    PlasmaStore plasmaA = new PlasmaStore("node-a");
    PlasmaStore plasmaB = new PlasmaStore("node-b");
    plasmaA.add("site", "hits", 2); // before joining: reaches b with the whole state
    try (SparkStore sparkB = SparkStore.open(dir.resolve("b"), Clock.systemUTC());
        ClusterNode a = join("node-a", portA, seeds, plasmaA, null);
        ClusterNode b = join("node-b", portB, seeds, plasmaB, sparkB)) {
      await(() -> a.members().size() == 2 && b.members().size() == 2, "both see two members");
      plasmaB.add("site", "hits", 3);
      plasmaA.set("site", "note", new byte[] {1, 2});
      await(
          () -> plasmaA.counter("site", "hits") == 5 && plasmaB.counter("site", "hits") == 5,
          "the counter converges to 5");
      await(() -> plasmaB.get("site", "note").isPresent(), "the value reaches b");

      sparkB.set("site", "k1", new byte[] {9}, 0);
      sparkB.set("site", "k2", new byte[] {8}, 600);
      PullResult pulled =
          a.pull("node-b", "site", List.of("k1", "k2", "missing"), Duration.ofSeconds(5));
      assertEquals(SparkCode.OK, pulled.code());
      assertEquals(List.of("k1", "k2"), pulled.entries().keySet().stream().sorted().toList());
      assertArrayEquals(new byte[] {9}, pulled.entries().get("k1").value());
      assertEquals(0, pulled.entries().get("k1").ttlSeconds());
      int ttl = pulled.entries().get("k2").ttlSeconds();
      assertEquals(true, ttl > 590 && ttl <= 600, "remaining TTL " + ttl);

      assertEquals(
          SparkCode.NOT_AVAILABLE,
          a.pull("node-x", "site", List.of("k1"), Duration.ofSeconds(1)).code(),
          "unknown peer");
      assertEquals(
          SparkCode.NOT_AVAILABLE,
          b.pull("node-a", "site", List.of("k1"), Duration.ofSeconds(5)).code(),
          "a peer without Spark");
    }
  }
}
