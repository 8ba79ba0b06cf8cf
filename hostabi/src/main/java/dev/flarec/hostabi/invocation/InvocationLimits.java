package dev.flarec.hostabi.invocation;

import dev.flarec.hostabi.config.FlareLimits;

/**
 * Counts what one invocation has used against its per-invocation limits (flaron-abi.md §8 decision
 * 23). One object per invocation; host functions ask before acting, and an exhausted budget makes
 * them return their "no result" value.
 */
public final class InvocationLimits {
  private final FlareLimits limits;
  private int beamFetches;
  private int logLines;
  private int kvWrites;
  private int sparkPulls;
  private int idGenerations;
  private int wsSends;

  public InvocationLimits(FlareLimits limits) {
    this.limits = limits;
  }

  public FlareLimits limits() {
    return limits;
  }

  public boolean tryBeamFetch() {
    return ++beamFetches <= limits.maxFetchRequests();
  }

  public boolean tryLogLine() {
    return ++logLines <= limits.maxLogLines();
  }

  /**
   * Whether the last {@link #tryLogLine()} was the first one refused, so that the host can say once
   * per invocation that the flare's further lines are dropped.
   */
  public boolean logLimitJustReached() {
    return logLines == limits.maxLogLines() + 1;
  }

  public boolean tryKvWrite() {
    return ++kvWrites <= limits.maxKvWrites();
  }

  public boolean trySparkPull() {
    return ++sparkPulls <= limits.maxSparkPulls();
  }

  public boolean tryIdGeneration() {
    return ++idGenerations <= limits.maxIdGenerations();
  }

  public boolean tryWsSend() {
    return ++wsSends <= limits.maxWsSends();
  }
}
