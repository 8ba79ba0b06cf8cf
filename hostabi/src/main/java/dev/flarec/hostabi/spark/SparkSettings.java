package dev.flarec.hostabi.spark;

/**
 * Node-wide Spark settings.
 *
 * @param quotaBytesPerSite bytes one site may hold (keys + values + 8 bytes per entry); a write
 *     past it is {@link SparkCode#QUOTA}
 * @param maxTtlSeconds longest TTL a flare may ask for; more is {@link SparkCode#INVALID_TTL}
 * @param syncEachWrite fsync every write. Off by default: every write is committed to SQLite's
 *     write-ahead log before it returns, which survives a crash of the process, and the store can
 *     never be corrupted; on a crash of the whole machine the last writes may be rolled back. On, a
 *     write also survives a machine crash, at the cost of a disk flush per write (SQLite {@code
 *     synchronous=FULL} instead of {@code NORMAL})
 */
public record SparkSettings(long quotaBytesPerSite, int maxTtlSeconds, boolean syncEachWrite) {
  /** 256 MiB per site, TTL up to one year, no fsync per write. */
  public static final SparkSettings DEFAULTS =
      new SparkSettings(256L * 1024 * 1024, 365 * 24 * 3600, false);

  public SparkSettings {
    if (quotaBytesPerSite < 0 || maxTtlSeconds < 0) {
      throw new IllegalArgumentException("Spark quota and TTL cap must not be negative");
    }
  }
}
