import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A closed-loop WebSocket load generator for an echo flare, loopback only and bounded in time:
 * CONNECTIONS clients each send a text message, wait for its echo, and send the next, for WARMUP
 * seconds (not counted) and then SECONDS seconds (counted). Prints messages per second and the
 * echo latency percentiles over the counted part. Each connection skips the flare's first
 * message (the echo example's greeting).
 *
 *   java WebSocketLoad.java URI CONNECTIONS SECONDS [WARMUP=3] [MESSAGE_BYTES=64]
 */
public final class WebSocketLoad {
  public static void main(String[] args) throws Exception {
    URI uri = URI.create(args[0]);
    int connections = Integer.parseInt(args[1]);
    long seconds = Long.parseLong(args[2]);
    long warmup = args.length > 3 ? Long.parseLong(args[3]) : 3;
    int bytes = args.length > 4 ? Integer.parseInt(args[4]) : 64;
    String message = "x".repeat(bytes);
    HttpClient http = HttpClient.newHttpClient();
    long start = System.nanoTime();
    long countFrom = start + TimeUnit.SECONDS.toNanos(warmup);
    long stopAt = countFrom + TimeUnit.SECONDS.toNanos(seconds);
    List<Client> clients = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Client c = new Client(message, countFrom, stopAt);
      http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
          .buildAsync(uri, c).get(30, TimeUnit.SECONDS);
      clients.add(c);
    }
    for (Client c : clients) {
      c.done.get(warmup + seconds + 30, TimeUnit.SECONDS);
    }
    long total = 0;
    long errors = 0;
    for (Client c : clients) {
      total += c.count;
      errors += c.errors;
    }
    long[] all = new long[(int) total];
    int at = 0;
    for (Client c : clients) {
      System.arraycopy(c.latencies, 0, all, at, c.count);
      at += c.count;
    }
    Arrays.sort(all);
    System.out.printf(
        "connections=%d seconds=%d message_bytes=%d messages=%d msg_per_s=%.0f p50_us=%.0f p99_us=%.0f p999_us=%.0f max_us=%.0f errors=%d%n",
        connections, seconds, bytes, total, total / (double) seconds,
        pct(all, 0.50), pct(all, 0.99), pct(all, 0.999), all.length == 0 ? 0.0 : all[all.length - 1] / 1e3,
        errors);
    for (Client c : clients) {
      c.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
    }
    Thread.sleep(200);
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e3;
  }

  /** One connection: send, wait for the echo, record, send again until the end. */
  static final class Client implements WebSocket.Listener {
    final CompletableFuture<Void> done = new CompletableFuture<>();
    final String message;
    final long countFrom;
    final long stopAt;
    long[] latencies = new long[1 << 16];
    int count;
    long errors;
    WebSocket socket;
    boolean greeted;
    long sentAt;
    final StringBuilder partial = new StringBuilder();

    Client(String message, long countFrom, long stopAt) {
      this.message = message;
      this.countFrom = countFrom;
      this.stopAt = stopAt;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      socket = webSocket;
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      webSocket.request(1);
      if (!last) {
        return null;
      }
      long now = System.nanoTime();
      String got = partial.toString();
      partial.setLength(0);
      if (!greeted) {
        greeted = true;
      } else {
        if (!got.equals(message)) {
          errors++;
        }
        if (sentAt >= countFrom && now <= stopAt) {
          if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
          }
          latencies[count++] = now - sentAt;
        }
      }
      if (now >= stopAt) {
        done.complete(null);
        return null;
      }
      sentAt = System.nanoTime();
      webSocket.sendText(message, true);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      errors++;
      done.complete(null);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      done.complete(null);
      return null;
    }
  }
}
