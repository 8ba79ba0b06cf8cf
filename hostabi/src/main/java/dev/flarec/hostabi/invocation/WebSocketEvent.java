package dev.flarec.hostabi.invocation;

/**
 * The WebSocket event an invocation of {@code ws_open}, {@code ws_message} or {@code ws_close}
 * serves (flaron-abi.md §3.12, §4.6), and the connection the flare answers on. HTTP invocations
 * have none; the {@code ws_*} host functions then answer as if the connection were closed.
 *
 * @param type {@code open}, {@code message} or {@code close}
 * @param data the inbound frame's payload for {@code message}, empty otherwise
 * @param connectionId stable for the connection's lifetime
 * @param closeCode the peer's close code in {@code close}, 0 otherwise
 * @param connection where {@code ws_send} and {@code ws_close_conn} go
 */
public record WebSocketEvent(
    String type, byte[] data, String connectionId, int closeCode, Connection connection) {

  /** The transport side of one WebSocket connection. */
  public interface Connection {
    /**
     * Sends one frame; returns {@code true} when it was written, {@code false} when the connection
     * is closed or the write failed.
     *
     * @param text a text frame (the payload is valid UTF-8), else binary (decision 21)
     */
    boolean send(byte[] payload, boolean text);

    /** Closes the connection from the flare's side with {@code code}. */
    void close(int code);

    /**
     * The flare's {@code alloc} could not take this event's payload of {@code size} bytes: the
     * message cannot be delivered, so the connection closes with 1009 once the event has been
     * stopped (an empty message in its place would be a lie).
     */
    void payloadRefused(int size);
  }
}
