package dev.flarec.hostabi.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node's Spark store: one SQLite database, {@value #FILE_NAME} in the data directory, with one
 * row per (site, key) (flaron-abi.md §3.4). See docs/RATIONALE.md, "Why SQLite for Spark?".
 *
 * <ul>
 *   <li><b>Durability.</b> The database runs in WAL mode and every write is its own transaction,
 *       committed before the call returns: a crash of the process, even in the middle of a write,
 *       loses at most that write, and SQLite's checksummed log never leaves a corrupt database.
 *       {@link SparkSettings#syncEachWrite()} also makes writes survive a machine crash.
 *   <li><b>Expiry.</b> Expired entries are invisible at once; their rows are deleted when the store
 *       opens and when their site reaches its quota, so no sweeper thread is needed.
 *   <li><b>Concurrency.</b> One connection, used under this object's monitor: every pooled instance
 *       may call at once, operations take microseconds, and it keeps the quota check and the write
 *       it guards atomic.
 *   <li><b>One process.</b> The database is opened with an exclusive lock, so a second server on
 *       the same data directory fails at start instead of sharing it behind our back.
 * </ul>
 */
public final class SparkStore implements AutoCloseable {
  /** The database file's name inside the data directory. */
  public static final String FILE_NAME = "spark.db";

  private final Connection db;
  private final Clock clock;
  private final SparkSettings settings;
  private final PreparedStatement select;
  private final PreparedStatement upsert;
  private final PreparedStatement remove;
  private final PreparedStatement list;
  private final PreparedStatement valueLength;
  private final PreparedStatement siteBytes;
  private final PreparedStatement purgeSite;
  private final PreparedStatement purgeAll;
  // Bytes per site against the quota, summed from the database the first time a site is written.
  private final Map<String, Long> usedBytes = new HashMap<>();

  private SparkStore(Connection db, Clock clock, SparkSettings settings) throws SQLException {
    this.db = db;
    this.clock = clock;
    this.settings = settings;
    this.select =
        db.prepareStatement("SELECT value, expires_at FROM spark WHERE site = ? AND key = ?");
    this.upsert =
        db.prepareStatement(
            "INSERT INTO spark (site, key, value, expires_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (site, key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at");
    this.remove = db.prepareStatement("DELETE FROM spark WHERE site = ? AND key = ?");
    this.list =
        db.prepareStatement(
            "SELECT key FROM spark WHERE site = ? AND (expires_at = 0 OR expires_at > ?) ORDER BY key");
    this.valueLength =
        db.prepareStatement("SELECT length(value) FROM spark WHERE site = ? AND key = ?");
    this.siteBytes =
        db.prepareStatement(
            "SELECT coalesce(sum(length(key) + length(value)), 0), count(*) FROM spark WHERE site = ?");
    this.purgeSite =
        db.prepareStatement(
            "DELETE FROM spark WHERE site = ? AND expires_at <> 0 AND expires_at <= ?");
    this.purgeAll =
        db.prepareStatement("DELETE FROM spark WHERE expires_at <> 0 AND expires_at <= ?");
  }

  /** Opens (or creates) the store in {@code dataDirectory} on the system clock, defaults. */
  public static SparkStore open(Path dataDirectory) {
    return open(dataDirectory, Clock.systemUTC(), SparkSettings.DEFAULTS);
  }

  /** Opens (or creates) the store in {@code dataDirectory}, with expiry on {@code clock}. */
  public static SparkStore open(Path dataDirectory, Clock clock) {
    return open(dataDirectory, clock, SparkSettings.DEFAULTS);
  }

  /**
   * Opens (or creates) the store in {@code dataDirectory}, creating the directory if needed, and
   * drops entries that expired while the node was down.
   *
   * @throws UncheckedIOException if the directory cannot be created
   * @throws IllegalStateException if the database is locked by another process or unreadable
   */
  public static SparkStore open(Path dataDirectory, Clock clock, SparkSettings settings) {
    try {
      Files.createDirectories(dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the Spark data directory " + dataDirectory, e);
    }
    Path file = dataDirectory.resolve(FILE_NAME);
    Connection db = null;
    try {
      db = DriverManager.getConnection("jdbc:sqlite:" + file);
      try (Statement s = db.createStatement()) {
        // Exclusive locking: held from the first access below until close. In WAL mode it also
        // keeps the WAL index in process memory, so there is no -shm file to go stale.
        s.execute("PRAGMA locking_mode = EXCLUSIVE");
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = " + (settings.syncEachWrite() ? "FULL" : "NORMAL"));
        s.execute(
            "CREATE TABLE IF NOT EXISTS spark ("
                + "site TEXT NOT NULL, key TEXT NOT NULL, value BLOB NOT NULL, "
                + "expires_at INTEGER NOT NULL, PRIMARY KEY (site, key)) WITHOUT ROWID");
      }
      SparkStore store = new SparkStore(db, clock, settings);
      store.purgeExpired();
      return store;
    } catch (SQLException e) {
      closeQuietly(db);
      if (isLocked(e)) {
        throw new IllegalStateException(
            "the Spark store "
                + file
                + " is in use by another server; give each server its own"
                + " directory with the configuration key server.data_dir",
            e);
      }
      throw new IllegalStateException(
          "cannot open the Spark store " + file + ": " + e.getMessage(), e);
    }
  }

  /** SQLite reports another process's exclusive lock as SQLITE_BUSY ("database is locked"). */
  private static boolean isLocked(SQLException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("SQLITE_BUSY") || message.contains("database is locked");
  }

  public SparkSettings settings() {
    return settings;
  }

  /** The live entry under {@code key} in {@code site}, if any. */
  public synchronized Optional<SparkEntry> get(String site, String key) {
    try {
      select.setString(1, site);
      select.setString(2, key);
      try (ResultSet r = select.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        SparkEntry entry = new SparkEntry(bytes(r.getBytes(1)), r.getLong(2));
        return entry.isExpired(now()) ? Optional.empty() : Optional.of(entry);
      }
    } catch (SQLException e) {
      throw new SparkException("get", e);
    }
  }

  /**
   * Stores {@code value} under {@code key} in {@code site} with a TTL in seconds (0 = never
   * expires), durably.
   *
   * @return {@link SparkCode#OK}, or {@link SparkCode#INVALID_TTL}, {@link SparkCode#BAD_KEY},
   *     {@link SparkCode#QUOTA} or {@link SparkCode#INTERNAL}
   */
  public synchronized SparkCode set(String site, String key, byte[] value, int ttlSeconds) {
    if (!SparkKeys.isValid(key)) {
      return SparkCode.BAD_KEY;
    }
    if (ttlSeconds < 0 || ttlSeconds > settings.maxTtlSeconds()) {
      return SparkCode.INVALID_TTL;
    }
    try {
      long delta = SparkEntry.footprint(key, value.length) - footprintOf(site, key);
      if (used(site) + delta > settings.quotaBytesPerSite()) {
        purge(site);
        delta = SparkEntry.footprint(key, value.length) - footprintOf(site, key);
        if (used(site) + delta > settings.quotaBytesPerSite()) {
          return SparkCode.QUOTA;
        }
      }
      SparkEntry entry = SparkEntry.of(value, ttlSeconds, now());
      upsert.setString(1, site);
      upsert.setString(2, key);
      upsert.setBytes(3, value);
      upsert.setLong(4, entry.expiresAtMillis());
      upsert.executeUpdate();
      usedBytes.put(site, used(site) + delta);
      return SparkCode.OK;
    } catch (SQLException e) {
      usedBytes.remove(site); // recount from the database next time
      return SparkCode.INTERNAL;
    }
  }

  /** Removes {@code key} from {@code site}, durably; a missing key is fine. */
  public synchronized void delete(String site, String key) {
    try {
      long footprint = footprintOf(site, key);
      remove.setString(1, site);
      remove.setString(2, key);
      if (remove.executeUpdate() > 0 && usedBytes.containsKey(site)) {
        usedBytes.put(site, usedBytes.get(site) - footprint);
      }
    } catch (SQLException e) {
      usedBytes.remove(site);
      throw new SparkException("delete", e);
    }
  }

  /** The live keys of {@code site}, in ascending (byte) order. */
  public synchronized List<String> keys(String site) {
    try {
      list.setString(1, site);
      list.setLong(2, now().toEpochMilli());
      List<String> keys = new ArrayList<>();
      try (ResultSet r = list.executeQuery()) {
        while (r.next()) {
          keys.add(r.getString(1));
        }
      }
      return keys;
    } catch (SQLException e) {
      throw new SparkException("list", e);
    }
  }

  /** Bytes {@code site} holds against its quota, expired entries included until reclaimed. */
  public synchronized long usedBytes(String site) {
    try {
      return used(site);
    } catch (SQLException e) {
      throw new SparkException("usage", e);
    }
  }

  /** Deletes every expired entry of every site, durably. */
  public synchronized void purgeExpired() {
    try {
      purgeAll.setLong(1, now().toEpochMilli());
      purgeAll.executeUpdate();
      usedBytes.clear();
    } catch (SQLException e) {
      throw new SparkException("purge", e);
    }
  }

  /** Closes the database; everything written is already committed. */
  @Override
  public synchronized void close() {
    closeQuietly(db);
  }

  private void purge(String site) throws SQLException {
    purgeSite.setString(1, site);
    purgeSite.setLong(2, now().toEpochMilli());
    if (purgeSite.executeUpdate() > 0) {
      usedBytes.remove(site);
    }
  }

  private long used(String site) throws SQLException {
    Long known = usedBytes.get(site);
    if (known != null) {
      return known;
    }
    siteBytes.setString(1, site);
    long total;
    try (ResultSet r = siteBytes.executeQuery()) {
      r.next();
      total = r.getLong(1) + r.getLong(2) * SparkEntry.OVERHEAD;
    }
    usedBytes.put(site, total);
    return total;
  }

  private long footprintOf(String site, String key) throws SQLException {
    valueLength.setString(1, site);
    valueLength.setString(2, key);
    try (ResultSet r = valueLength.executeQuery()) {
      return r.next() ? SparkEntry.footprint(key, r.getLong(1)) : 0;
    }
  }

  private Instant now() {
    return clock.instant();
  }

  /** SQLite hands back null for a zero-length blob. */
  private static byte[] bytes(byte[] b) {
    return b == null ? new byte[0] : b;
  }

  private static void closeQuietly(Connection db) {
    if (db == null) {
      return;
    }
    try {
      db.close();
    } catch (SQLException ignored) {
      // closing is best effort: every write was committed when it returned
    }
  }

  /** The database failed (disk full, I/O error, closed store). */
  public static final class SparkException extends RuntimeException {
    SparkException(String operation, SQLException cause) {
      super("Spark " + operation + " failed: " + cause.getMessage(), cause);
    }
  }
}
