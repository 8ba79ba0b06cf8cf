package dev.flarec.hostabi.pool;

/** The entry points of a WebSocket flare (flaron-abi.md §1.1), one per connection event. */
public enum WebSocketEntry {
  OPEN("ws_open", "open"),
  MESSAGE("ws_message", "message"),
  CLOSE("ws_close", "close");

  private final String exportName;
  private final String eventType;

  WebSocketEntry(String exportName, String eventType) {
    this.exportName = exportName;
    this.eventType = eventType;
  }

  /** The export the host calls. */
  public String exportName() {
    return exportName;
  }

  /** What {@code ws_event_type} answers during the call (flaron-abi.md §4.6). */
  public String eventType() {
    return eventType;
  }
}
