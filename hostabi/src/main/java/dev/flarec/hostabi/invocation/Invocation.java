package dev.flarec.hostabi.invocation;

import dev.flarec.hostabi.config.FlareConfig;

/**
 * One call of a flare entry point ({@code handle_request}, {@code ws_open}, ...): the request it
 * serves, the response it builds, and its budgets. Host functions reach it through {@link
 * dev.flarec.hostabi.abi.FlareContext#invocation()}.
 *
 * <p>Owned by one thread at a time (the one running the guest), so nothing here is synchronised.
 */
public final class Invocation {
  private final String id;
  private final FlareConfig config;
  private final InvocationLimits limits;
  private final FlareRequest request;
  private final FlareResponse response = new FlareResponse();
  private final WebSocketEvent webSocket;
  private boolean closedByFlare;

  /** An invocation with no request context (the request functions then return 0). */
  public Invocation(String id, FlareConfig config) {
    this(id, config, null, null);
  }

  /** An HTTP invocation serving {@code request}. */
  public Invocation(String id, FlareConfig config, FlareRequest request) {
    this(id, config, request, null);
  }

  /**
   * An invocation serving {@code request} and/or the WebSocket event {@code webSocket}; either may
   * be null.
   */
  public Invocation(String id, FlareConfig config, FlareRequest request, WebSocketEvent webSocket) {
    this.id = id;
    this.config = config;
    this.limits = new InvocationLimits(config.limits());
    this.request = request;
    this.webSocket = webSocket;
  }

  /** The request id, for logs. */
  public String id() {
    return id;
  }

  public FlareConfig config() {
    return config;
  }

  public InvocationLimits limits() {
    return limits;
  }

  /** The request being served, or null when there is none (the request functions return 0). */
  public FlareRequest request() {
    return request;
  }

  /** The response the flare builds. */
  public FlareResponse response() {
    return response;
  }

  /** The WebSocket event being served, or null for an HTTP invocation. */
  public WebSocketEvent webSocket() {
    return webSocket;
  }

  /** Whether the flare closed its WebSocket connection during this invocation (decision 22). */
  public boolean closedByFlare() {
    return closedByFlare;
  }

  public void markClosedByFlare() {
    this.closedByFlare = true;
  }
}
