package dev.flarec.hostabi.node;

import com.sun.net.httpserver.HttpExchange;
import dev.flarec.hostabi.abi.HostServices;
import dev.flarec.hostabi.server.FlareServer;
import java.io.IOException;
import java.time.Duration;

/**
 * One version of one flare served by a node: its server (pool, limits, handler), its services
 * (stores, cluster) and its route. Counts the requests the node hands it, so that retiring it
 * (replaced or removed) lets those finish before the pool and stores close, while new requests go
 * to its successor.
 */
final class MountedFlare {
  private final String name;
  private final Route route;
  private final FlareServer server;
  private final HostServices services;
  private final boolean keepsState;
  private int active;
  private boolean retired;

  MountedFlare(
      String name, Route route, FlareServer server, HostServices services, boolean keepsState) {
    this.name = name;
    this.route = route;
    this.server = server;
    this.services = services;
    this.keepsState = keepsState;
  }

  String name() {
    return name;
  }

  Route route() {
    return route;
  }

  /**
   * Whether the flare keeps data in its directory (Spark, Plasma): such a flare's successor can
   * open its stores only once this version has closed them.
   */
  boolean keepsState() {
    return keepsState;
  }

  /** Counts a request in; false once retired (the caller routes it again). */
  synchronized boolean enter() {
    if (retired) {
      return false;
    }
    active++;
    return true;
  }

  synchronized void leave() {
    active--;
    if (active == 0) {
      notifyAll();
    }
  }

  void handle(HttpExchange exchange) throws IOException {
    server.handler().handle(exchange);
  }

  /**
   * Takes no more requests, waits (at most {@code grace}) for those it has, then stops the server
   * and closes the services.
   */
  void retire(Duration grace) {
    synchronized (this) {
      retired = true;
      long deadline = System.nanoTime() + grace.toNanos();
      while (active > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    server.stop();
    services.close();
  }
}
