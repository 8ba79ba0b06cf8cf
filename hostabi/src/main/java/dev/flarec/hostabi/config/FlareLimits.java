package dev.flarec.hostabi.config;

import java.time.Duration;

/**
 * Per-invocation limits of a flare, with the defaults of flaron-abi.md §8 decision 23. Every value
 * can be set per flare in the configuration file.
 */
public record FlareLimits(
    int maxFetchRequests,
    int maxLogLines,
    int maxLogMessageBytes,
    int maxKvValueBytes,
    int maxSparkPulls,
    int maxKvWrites,
    int maxIdGenerations,
    int maxWsSends,
    int maxWsMessageBytes,
    Duration deadline,
    long memoryCapBytes,
    long maxRequestBodyBytes) {

  public static final FlareLimits DEFAULTS =
      new FlareLimits(
          16,
          100,
          4096,
          64 * 1024,
          1,
          100,
          1000,
          100,
          1024 * 1024,
          Duration.ofSeconds(1),
          64L * 1024 * 1024,
          10L * 1024 * 1024);

  /** The memory cap in 64 KiB pages, as the runtime's memory takes it. */
  public int memoryCapPages() {
    return (int) Math.min(Integer.MAX_VALUE, memoryCapBytes / 65536);
  }
}
