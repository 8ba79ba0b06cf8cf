package dev.flarec.hostabi.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test's WebSocket client on the JDK's own {@link WebSocket}: collects whole messages (text as
 * {@code String}, binary as {@code byte[]}) and the close the server sent.
 */
final class WsClient implements WebSocket.Listener, AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final long WAIT_SECONDS = 20;

  /** How the server closed: its code and reason. */
  record Close(int code, String reason) {}

  private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Close> closed = new CompletableFuture<>();
  private final StringBuilder text = new StringBuilder();
  private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
  final WebSocket socket;

  private WsClient(URI uri, String... subprotocols) {
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    if (subprotocols.length > 0) {
      builder.subprotocols(
          subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
    }
    this.socket = builder.buildAsync(uri, this).orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
  }

  static WsClient connect(int port, String path, String... subprotocols) {
    return new WsClient(URI.create("ws://127.0.0.1:" + port + path), subprotocols);
  }

  /** The next whole message, a String or byte[]; fails the test after a generous wait. */
  Object next() throws InterruptedException {
    Object m = messages.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    if (m == null) {
      throw new AssertionError("no message from the server in " + WAIT_SECONDS + " s");
    }
    return m;
  }

  String nextText() throws InterruptedException {
    Object m = next();
    if (!(m instanceof String s)) {
      throw new AssertionError("expected a text message, got " + m.getClass().getSimpleName());
    }
    return s;
  }

  /** A message that is already queued, or null: for checking that nothing else came. */
  Object pending(long millis) throws InterruptedException {
    return messages.poll(millis, TimeUnit.MILLISECONDS);
  }

  WsClient sendText(String message) {
    socket.sendText(message, true).orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
    return this;
  }

  /** The server's close; fails the test after a generous wait. */
  Close awaitClose() {
    return closed.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
  }

  boolean isClosedByServer() {
    return closed.isDone();
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    text.append(data);
    if (last) {
      messages.add(text.toString());
      text.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
    byte[] part = new byte[data.remaining()];
    data.get(part);
    binary.writeBytes(part);
    if (last) {
      messages.add(binary.toByteArray());
      binary.reset();
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(new Close(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(new Close(-1, String.valueOf(error)));
  }

  @Override
  public void close() {
    socket.abort();
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
