package dev.flarec.hostabi.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes, each a JVM of its own on loopback, serving examples/plasma-counter in one cluster:
 * increments on every node reach every node; a node cut off (paused with SIGSTOP, so the others
 * drop it from their view) and the rest both count while apart, and after it resumes every node
 * holds the exact total; a node killed with SIGKILL restarts from its data directory and catches up
 * with what it missed. Every wait is bounded.
 */
class ClusterProcessTest {
  private static final Duration SETTLE = Duration.ofSeconds(60);
  private static final Pattern HITS = Pattern.compile("hits: (-?\\d+),");

  @TempDir Path dir;
  private final List<Node> nodes = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void stopAll() {
    for (Node n : nodes) {
      n.process.destroyForcibly();
    }
  }

  @Test
  void countsConvergeAcrossAPartitionAndAfterACrash() throws Exception {
    int[] clusterPorts = {ClusterPorts.free(), ClusterPorts.free(), ClusterPorts.free()};
    String seeds =
        "127.0.0.1:"
            + clusterPorts[0]
            + ",127.0.0.1:"
            + clusterPorts[1]
            + ",127.0.0.1:"
            + clusterPorts[2];
    Node a = start("node-a", clusterPorts[0], seeds);
    Node b = start("node-b", clusterPorts[1], seeds);
    Node c = start("node-c", clusterPorts[2], seeds);
    awaitAll(m -> m == 3, 30, "all three see each other");

    int expected = 0;
    for (int i = 0; i < 30; i++) {
      hit(nodes.get(i % 3));
      expected++;
    }
    long sent = System.nanoTime();
    hit(a);
    expected++;
    awaitAll(expected, "increments on every node reach every node");
    report("one increment seen by all three nodes", sent);

    // cut c off: paused, it stops answering heartbeats and a and b drop it from their view
    signal(c, "STOP");
    long paused = System.nanoTime();
    try {
      await(a, m -> m == 2, 30, "a drops the paused node");
      await(b, m -> m == 2, 30, "b drops the paused node");
      report("paused node dropped from the others' view", paused);
      for (int i = 0; i < 20; i++) {
        hit(i % 2 == 0 ? a : b);
        expected++;
      }
    } finally {
      signal(c, "CONT");
    }
    long resumed = System.nanoTime();
    // c counts on its side before the partition heals: it has not seen the 20 of a and b
    assertEquals(32, hit(c), "c's first count after resuming, before the merge");
    expected++;
    for (int i = 0; i < 4; i++) {
      hit(c);
      expected++;
    }
    awaitAll(expected, "after the partition heals, no increment lost or doubled");
    report("partition healed: exact total on all three nodes", resumed);
    awaitAll(m -> m == 3, 60, "the partition heals");

    // b dies without a chance to flush or leave, misses increments, comes back and catches up
    b.process.destroyForcibly();
    assertTrue(b.process.waitFor(30, TimeUnit.SECONDS));
    nodes.remove(b);
    await(a, m -> m == 2, 30, "a notices b is gone");
    for (int i = 0; i < 5; i++) {
      hit(i % 2 == 0 ? a : c);
      expected++;
    }
    long restarted = System.nanoTime();
    Node b2 = start("node-b", clusterPorts[1], seeds);
    awaitAll(expected, "the restarted node kept its state and caught up");
    report("killed node restarted (JVM start, flare compile, join) and caught up", restarted);
    hit(b2);
    expected++;
    awaitAll(expected, "the restarted node counts on from its own total");
  }

  private Node start(String id, int clusterPort, String seeds) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path wasm =
        Path.of(System.getProperty("user.dir"))
            .resolveSibling("examples")
            .resolve("plasma-counter/plasma-counter.wasm");
    Process p =
        new ProcessBuilder(
                java,
                "-Xmx160m",
                "-Xss16m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.net.preferIPv4Stack=true",
                "-Djava.util.logging.config.file="
                    + System.getProperty("java.util.logging.config.file"),
                "-cp",
                System.getProperty("java.class.path"),
                ClusterNodeProcess.class.getName(),
                wasm.toString(),
                dir.resolve(id).toString(),
                id,
                "127.0.0.1:" + clusterPort,
                seeds)
            .redirectError(dir.resolve(id + "-" + System.nanoTime() + ".log").toFile())
            .start();
    Node node = new Node(id, p);
    nodes.add(node);
    String first = node.line(60);
    if (!first.startsWith("port ")) {
      throw new AssertionError(id + " did not start: " + first);
    }
    node.httpPort = Integer.parseInt(first.substring(5).trim());
    return node;
  }

  /** One request to the flare; returns the count it answered. */
  private int hit(Node node) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort + "/hit"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), node.id + ": " + r.body());
    Matcher m = HITS.matcher(r.body());
    assertTrue(m.find(), r.body());
    return Integer.parseInt(m.group(1));
  }

  private void awaitAll(int total, String what) throws Exception {
    long deadline = System.nanoTime() + SETTLE.toNanos();
    String last = "";
    for (int round = 0; round < 3000 && System.nanoTime() < deadline; round++) {
      StringBuilder seen = new StringBuilder();
      boolean all = true;
      for (Node n : nodes) {
        int[] state = n.state();
        seen.append(n.id).append('=').append(state[0]).append(' ');
        all &= state[0] == total;
      }
      last = seen.toString();
      if (all) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError(what + ": expected " + total + " everywhere, last saw " + last);
  }

  private void awaitAll(IntPredicate members, int seconds, String what) throws Exception {
    for (Node n : List.copyOf(nodes)) {
      await(n, members, seconds, what);
    }
  }

  private static void await(Node n, IntPredicate members, int seconds, String what)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    int last = -1;
    for (int round = 0; round < seconds * 10 && System.nanoTime() < deadline; round++) {
      last = n.state()[1];
      if (members.test(last)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(what + ": " + n.id + " still sees " + last + " members");
  }

  /** Figures for docs/benchmarks.md; printed, never asserted. */
  private static void report(String what, long sinceNanos) {
    System.out.printf(
        "cluster: %s after %d ms%n",
        what, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sinceNanos));
  }

  private static void signal(Node n, String signal) throws Exception {
    Process kill =
        new ProcessBuilder("kill", "-" + signal, Long.toString(n.process.pid()))
            .inheritIO()
            .start();
    assertTrue(kill.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, kill.exitValue(), "kill -" + signal);
  }

  /** A node process and the line protocol of {@link ClusterNodeProcess}. */
  private static final class Node {
    final String id;
    final Process process;
    final PrintWriter commands;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    int httpPort;

    Node(String id, Process process) {
      this.id = id;
      this.process = process;
      this.commands =
          new PrintWriter(
              new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = out.readLine()) != null) {
                    lines.add(line);
                  }
                } catch (IOException e) {
                  // the process ended
                }
                lines.add("(ended)");
              },
              "node-output-" + id);
      reader.setDaemon(true);
      reader.start();
    }

    String line(int seconds) {
      try {
        String line = lines.poll(seconds, TimeUnit.SECONDS);
        if (line == null) {
          throw new AssertionError(id + " said nothing for " + seconds + " s");
        }
        return line;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    /** {counter, members} as the node holds them now. */
    int[] state() {
      commands.println("state plasma-counter hits");
      String line = line(20);
      String[] w = line.split(" ");
      if (w.length != 4 || !w[0].equals("counter")) {
        throw new UncheckedIOException(new IOException(id + " answered " + line));
      }
      return new int[] {Integer.parseInt(w[1]), Integer.parseInt(w[3])};
    }
  }
}
