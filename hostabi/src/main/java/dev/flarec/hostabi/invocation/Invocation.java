package dev.flarec.hostabi.invocation;

import dev.flarec.hostabi.config.FlareConfig;

/**
 * One call of a flare entry point ({@code handle_request}, {@code ws_open}, ...): the request it
 * serves, the response it builds, and its budgets. Host functions reach it through {@link
 * dev.flarec.hostabi.abi.FlareContext#invocation()}.
 */
public final class Invocation {
  private final String id;
  private final FlareConfig config;
  private final InvocationLimits limits;

  public Invocation(String id, FlareConfig config) {
    this.id = id;
    this.config = config;
    this.limits = new InvocationLimits(config.limits());
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
}
