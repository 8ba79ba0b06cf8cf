package dev.flarec.hostabi.abi;

import dev.flarec.hostabi.invocation.Invocation;
import dev.flarec.hostabi.invocation.WebSocketEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * WebSocket host functions (flaron-abi.md §3.12): the event being served and the connection it
 * arrived on ({@link WebSocketEvent}, supplied by the server's WebSocket transport). In an HTTP
 * invocation there is no connection, and these functions answer as for a closed one: 0 results,
 * {@code ws_send} code 3.
 */
final class WebSocketImports {
  /** {@code ws_send} result codes (decision 21). */
  static final int OK = 0;

  static final int SEND_LIMIT = 1;
  static final int TOO_LARGE = 2;
  static final int CLOSED = 3;

  private final FlareContext context;

  WebSocketImports(FlareContext context) {
    this.context = context;
  }

  /**
   * {@code ws_send(data_ptr: i32, data_len: i32) -> i32}: sends one frame to the peer: a text frame
   * when the payload is valid UTF-8, else a binary frame.
   *
   * <p>Parameters: {@code data_ptr}, {@code data_len}: the payload, {@code (0, 0)} for an empty
   * frame. A range outside memory or a negative length traps (decision 11).
   *
   * <p>Result: 0 sent; 1 the per-invocation send limit ({@code max_ws_sends}, default 100) is
   * reached; 2 the payload exceeds {@code max_ws_message_bytes} (default 1 MiB); 3 there is no
   * WebSocket connection (every HTTP invocation), the flare closed it, or the write failed.
   *
   * <p>Guest memory: read only.
   *
   * @see "flaron-abi.md §3.12; §8 decisions 21, 23; §6 item 24"
   */
  @HostFunction("ws_send")
  int wsSend(int dataPtr, int dataLen) {
    byte[] data = context.guest().read(dataPtr, dataLen);
    Invocation invocation = context.invocation();
    WebSocketEvent event = invocation.webSocket();
    if (event == null || invocation.closedByFlare()) {
      return CLOSED;
    }
    if (data.length > invocation.limits().limits().maxWsMessageBytes()) {
      return TOO_LARGE;
    }
    if (!invocation.limits().tryWsSend()) {
      return SEND_LIMIT;
    }
    return event.connection().send(data, isUtf8(data)) ? OK : CLOSED;
  }

  /**
   * {@code ws_close_conn(code: i32)}: closes the connection from the flare's side; {@code ws_close}
   * is then not invoked for it (decision 22). No effect without a connection or when the flare
   * already closed it.
   *
   * <p>Parameters: {@code code}: the close code, for example 1000 (normal) or 1011 (error).
   *
   * <p>Guest memory: nothing is read or written.
   *
   * @see "flaron-abi.md §3.12; §8 decision 22; §6 item 25"
   */
  @HostFunction("ws_close_conn")
  void wsCloseConn(int code) {
    Invocation invocation = context.invocation();
    WebSocketEvent event = invocation.webSocket();
    if (event != null && !invocation.closedByFlare()) {
      invocation.markClosedByFlare();
      event.connection().close(code);
    }
  }

  /**
   * {@code ws_conn_id() -> i64}: the connection's id, stable for its lifetime.
   *
   * <p>Result: packed UTF-8 id; 0 without a connection or when {@code alloc} failed.
   *
   * <p>Guest memory: the id's bytes at {@code ptr}.
   *
   * @see "flaron-abi.md §3.12; §6 item 26"
   */
  @HostFunction("ws_conn_id")
  long wsConnId() {
    WebSocketEvent event = context.invocation().webSocket();
    return event == null ? 0 : context.guest().writeUtf8(event.connectionId());
  }

  /**
   * {@code ws_event_type() -> i64}: the event being served: {@code open}, {@code message} or {@code
   * close}.
   *
   * <p>Result: packed ASCII name; 0 without a connection or when {@code alloc} failed.
   *
   * <p>Guest memory: the name's bytes at {@code ptr}.
   *
   * @see "flaron-abi.md §3.12, §4.6; §6 item 26"
   */
  @HostFunction("ws_event_type")
  long wsEventType() {
    WebSocketEvent event = context.invocation().webSocket();
    return event == null ? 0 : context.guest().writeUtf8(event.type());
  }

  /**
   * {@code ws_event_data() -> i64}: the payload of the inbound frame ({@code message} events).
   *
   * <p>Result: packed payload bytes; 0 when empty (always for {@code open} and {@code close}) or
   * without a connection. When {@code alloc} returns 0 for a non-empty payload the call does not
   * return: the event stops and the connection closes with 1009 (message too big for the flare), as
   * an empty message would be taken for the one the peer sent.
   *
   * <p>Guest memory: the payload's bytes at {@code ptr}.
   *
   * @see "flaron-abi.md §3.12; §6 item 26"
   */
  @HostFunction("ws_event_data")
  long wsEventData() {
    WebSocketEvent event = context.invocation().webSocket();
    if (event == null) {
      return 0;
    }
    long packed = context.guest().write(event.data());
    if (packed == 0 && event.data().length > 0) {
      // alloc returned 0: stop the event rather than let the flare take the message as empty
      event.connection().payloadRefused(event.data().length);
      throw new PayloadRefused(event.data().length);
    }
    return packed;
  }

  /** Stops an event whose message the flare's {@code alloc} could not take. */
  static final class PayloadRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PayloadRefused(int size) {
      super("the flare's alloc returned 0 for a message of " + size + " bytes", null, false, false);
    }
  }

  /**
   * {@code ws_close_code() -> i32}: the close code the peer sent.
   *
   * <p>Result: the code during a {@code close} event (1000, 1006, ...); 0 otherwise and without a
   * connection.
   *
   * <p>Guest memory: nothing is read or written.
   *
   * @see "flaron-abi.md §3.12; §6 item 26"
   */
  @HostFunction("ws_close_code")
  int wsCloseCode() {
    WebSocketEvent event = context.invocation().webSocket();
    return event != null && "close".equals(event.type()) ? event.closeCode() : 0;
  }

  static boolean isUtf8(byte[] data) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
