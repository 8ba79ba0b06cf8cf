package dev.flarec.hostabi.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the cluster members of tests, chosen below the kernel's ephemeral range (Linux's starts
 * at 32768). A port asked of the kernel with {@code new ServerSocket(0)} comes from that range, and
 * between choosing it and the member binding it, any outgoing connection on the machine (a seed
 * probe of another member, a node's warm-up request) may be given the same port as its source and
 * hold it, in use or in TIME_WAIT; a port below the range is never handed out that way.
 */
public final class ClusterPorts {
  private static final int FIRST = 20_000;
  private static final int END = 32_000;
  private static final int ATTEMPTS = 200;

  private ClusterPorts() {}

  /** A loopback port nothing listens on now, below the ephemeral range. */
  public static int free() throws IOException {
    for (int i = 0; i < ATTEMPTS; i++) {
      int port = ThreadLocalRandom.current().nextInt(FIRST, END);
      try (ServerSocket s = new ServerSocket()) {
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
        return port;
      } catch (IOException taken) {
        // in use: try another
      }
    }
    throw new IOException(
        "no free loopback port in [" + FIRST + ", " + END + ") after " + ATTEMPTS + " tries");
  }
}
