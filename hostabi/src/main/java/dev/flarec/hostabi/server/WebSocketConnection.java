package dev.flarec.hostabi.server;

import dev.flarec.hostabi.invocation.Invocation;
import dev.flarec.hostabi.invocation.WebSocketEvent;
import dev.flarec.hostabi.log.LogLine;
import dev.flarec.hostabi.log.Loggers;
import dev.flarec.hostabi.pool.FlareInstance;
import dev.flarec.hostabi.pool.WebSocketEntry;
import dev.flarec.hostabi.server.FlareRunner.Outcome;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * One WebSocket connection of a flare, with the instance it keeps for its lifetime (state between
 * messages is the point of a WebSocket flare).
 *
 * <p>Events: {@code ws_open} once the handshake is done, {@code ws_message} per complete message
 * (Jetty joins the fragments and checks text is UTF-8), {@code ws_close} when either side closes or
 * the connection drops, unless the flare closed it itself (flaron-abi.md §8 decision 22). Each
 * event is one {@link Invocation}, with fresh per-invocation limits, run under the flare's deadline
 * and memory cap. Events of a connection never overlap: the next frame is read only once an event
 * has returned. A trap, the deadline or a host error ends the instance and closes the connection
 * with 1011, and nothing else.
 *
 * <p>{@code ws_send} queues without waiting for the peer; a connection whose queue passes {@code
 * websocket.send_queue_bytes} (a reader too slow for what the flare sends) is closed with 1008.
 *
 * <p>Public only because Jetty binds a listener's methods through a public lookup.
 */
public final class WebSocketConnection
    implements Session.Listener.AutoDemanding, WebSocketEvent.Connection {
  private static final byte[] NONE = new byte[0];

  private final WebSocketServer server;
  private final String id;
  private final String path;
  private final String remote;
  private final long openedNanos = System.nanoTime();
  private final AtomicLong queuedBytes = new AtomicLong();
  private volatile Session session;
  private volatile boolean closedByFlare;
  // the size of the current event's payload the flare's alloc refused, 0 when none
  private volatile int refusedBytes;
  // guarded by this: the instance, null before open and once it has ended
  private FlareInstance instance;
  private boolean ended;
  private int events;
  private long messagesIn;
  private long messagesOut;
  private String endReason;

  WebSocketConnection(WebSocketServer server, String id, String path, String remote) {
    this.server = server;
    this.id = id;
    this.path = path;
    this.remote = remote;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    this.session = session;
    server.opened(this);
    synchronized (this) {
      try {
        instance = server.newInstance();
      } catch (RuntimeException | Error e) {
        end("host_error", line("host-error").thrown(e), Level.SEVERE);
        return;
      }
      event(WebSocketEntry.OPEN, NONE, 0);
    }
  }

  @Override
  public void onWebSocketText(String message) {
    synchronized (this) {
      messagesIn++;
      event(WebSocketEntry.MESSAGE, message.getBytes(StandardCharsets.UTF_8), 0);
    }
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    byte[] data = new byte[payload.remaining()];
    payload.get(data);
    try {
      synchronized (this) {
        messagesIn++;
        event(WebSocketEntry.MESSAGE, data, 0);
      }
    } finally {
      // only now is the next frame read: a connection's events never overlap
      callback.succeed();
    }
  }

  /**
   * Protocol errors (bad frames, unmasked frames, bad UTF-8, oversized frames or messages), idle
   * timeouts and dropped connections; Jetty closes the connection with the matching code and then
   * calls {@link #onWebSocketClose}.
   */
  @Override
  public void onWebSocketError(Throwable cause) {
    line("websocket-error")
        .field("error", cause.getClass().getSimpleName())
        .field("reason", cause.getMessage())
        .log(Loggers.HOST, Level.WARNING);
  }

  @Override
  public void onWebSocketClose(int code, String reason) {
    synchronized (this) {
      if (!ended && instance != null && !closedByFlare) {
        event(WebSocketEntry.CLOSE, NONE, code);
      }
      instance = null;
      ended = true;
    }
    server.closed(this);
    if (clientFault(code) && !closedByFlare) {
      line("websocket-protocol-error")
          .field("close_code", code)
          .field("reason", reason)
          .log(Loggers.HOST, Level.WARNING);
    }
    LogLine line =
        line("websocket")
            .field("path", path)
            .field("close_code", code)
            .field(
                "outcome",
                endReason == null ? (closedByFlare ? "closed_by_flare" : "closed") : endReason)
            .field("messages_in", messagesIn)
            .field("messages_out", messagesOut)
            .field("duration_ms", FlareHandler.millis(System.nanoTime() - openedNanos))
            .field("remote", remote);
    line.log(Loggers.ACCESS, Level.INFO);
  }

  /** Runs one event on the connection's instance; called holding the lock. */
  private void event(WebSocketEntry entry, byte[] data, int closeCode) {
    if (ended || instance == null || closedByFlare) {
      return;
    }
    Invocation invocation =
        new Invocation(
            id + "/" + (++events),
            server.config().flare(),
            null,
            new WebSocketEvent(entry.eventType(), data, id, closeCode, this));
    refusedBytes = 0;
    Outcome outcome = server.runner().runEvent(instance, entry, invocation);
    int refused = refusedBytes;
    if (refused > 0 && !(outcome instanceof Outcome.Returned)) {
      endTooLarge(entry, refused);
      return;
    }
    if (outcome instanceof Outcome.Returned) {
      if (closedByFlare) {
        instance = null;
        ended = true;
      }
      return;
    }
    if (outcome instanceof Outcome.Trapped trapped) {
      server.metrics().trap();
      end(
          "trap",
          line("flare-trap")
              .field("event", entry.eventType())
              .field("trap", trapped.trap().getMessage()),
          Level.WARNING);
    } else if (outcome instanceof Outcome.DeadlineExceeded deadline) {
      server.metrics().deadlineExceeded();
      end(
          "deadline",
          line("flare-deadline")
              .field("event", entry.eventType())
              .field("deadline_ms", deadline.deadline().toMillis()),
          Level.WARNING);
    } else {
      Throwable error = outcome instanceof Outcome.HostError h ? h.error() : null;
      end(
          "host_error",
          line("host-error").field("event", entry.eventType()).thrown(error),
          Level.SEVERE);
    }
  }

  /**
   * The flare's {@code alloc} could not take a message: drop the instance (its event was stopped
   * half-way) and close with 1009, naming the size in the log.
   */
  private void endTooLarge(WebSocketEntry entry, int size) {
    line("websocket-message-refused")
        .field("event", entry.eventType())
        .field("bytes", size)
        .field("reason", "the flare's alloc returned 0 for it; its arena is smaller")
        .log(Loggers.HOST, Level.WARNING);
    endReason = "message_too_large_for_flare";
    instance = null;
    ended = true;
    Session s = session;
    if (s != null && s.isOpen()) {
      s.close(StatusCode.MESSAGE_TOO_LARGE, "message too large for the flare", Callback.NOOP);
    }
  }

  @Override
  public void payloadRefused(int size) {
    refusedBytes = size;
  }

  /** The instance is done for: drop it and close with 1011 (unless already closing). */
  private void end(String reason, LogLine line, Level level) {
    line.log(Loggers.HOST, level);
    endReason = reason;
    instance = null;
    ended = true;
    Session s = session;
    if (s != null && s.isOpen()) {
      s.close(StatusCode.SERVER_ERROR, "flare error", Callback.NOOP);
    }
  }

  /** The server is stopping: close with 1001; the flare's {@code ws_close} still runs. */
  void goingAway() {
    Session s = session;
    if (s != null && s.isOpen()) {
      s.close(StatusCode.SHUTDOWN, "server stopping", Callback.NOOP);
    }
  }

  @Override
  public boolean send(byte[] payload, boolean text) {
    Session s = session;
    if (s == null || !s.isOpen() || closedByFlare) {
      return false;
    }
    long size = payload.length;
    if (queuedBytes.addAndGet(size) > server.config().webSocket().sendQueueBytes()) {
      queuedBytes.addAndGet(-size);
      line("websocket-slow-reader")
          .field("queued_bytes", queuedBytes.get())
          .log(Loggers.HOST, Level.WARNING);
      s.close(StatusCode.POLICY_VIOLATION, "send queue full", Callback.NOOP);
      return false;
    }
    Callback sent =
        Callback.from(() -> queuedBytes.addAndGet(-size), e -> queuedBytes.addAndGet(-size));
    if (text) {
      s.sendText(new String(payload, StandardCharsets.UTF_8), sent);
    } else {
      s.sendBinary(ByteBuffer.wrap(payload), sent);
    }
    messagesOut++;
    return true;
  }

  @Override
  public void close(int code) {
    Session s = session;
    closedByFlare = true;
    int sent = code;
    if (!sendable(code)) {
      line("flare-bad-close-code")
          .field("code", code)
          .field("sent", StatusCode.SERVER_ERROR)
          .log(Loggers.HOST, Level.WARNING);
      sent = StatusCode.SERVER_ERROR;
    }
    if (s != null && s.isOpen()) {
      s.close(sent, "", Callback.NOOP);
    }
  }

  /**
   * Whether a close frame may carry {@code code} (RFC 6455 §7.4): the defined codes but 1004, 1005,
   * 1006 and 1015, which say something about the transport, and the registered and private ranges
   * 3000-4999.
   */
  static boolean sendable(int code) {
    return (code >= 1000 && code <= 1003)
        || (code >= 1007 && code <= 1014)
        || (code >= 3000 && code <= 4999);
  }

  /** Close codes with which Jetty cut off a misbehaving client (RFC 6455 §7.4.1). */
  private static boolean clientFault(int code) {
    return code == StatusCode.PROTOCOL
        || code == StatusCode.BAD_DATA
        || code == StatusCode.BAD_PAYLOAD
        || code == StatusCode.MESSAGE_TOO_LARGE;
  }

  private LogLine line(String event) {
    return LogLine.of(event).field("flare", server.config().flare().name()).field("connection", id);
  }
}
