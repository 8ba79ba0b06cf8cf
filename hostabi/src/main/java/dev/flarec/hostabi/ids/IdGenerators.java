package dev.flarec.hostabi.ids;

import com.github.f4b6a3.ksuid.KsuidFactory;
import com.github.f4b6a3.ulid.UlidFactory;
import com.github.f4b6a3.uuid.factory.standard.TimeOrderedEpochFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The node's ID generators (flaron-abi.md §3.9): one object per served flare, shared by every
 * pooled instance, thread-safe. Every generator draws randomness from {@link SecureRandom} (IDs are
 * often used as unguessable tokens) and time from the node's clock.
 *
 * <p>Why these sources: docs/RATIONALE.md#why-these-id-libraries. In short: UUID v4 from the JDK;
 * UUID v7, ULID and KSUID from the maintained f4b6a3 libraries, each in its monotonic variant so
 * that IDs made within one tick still sort in creation order; NanoID and Snowflake in this package
 * ({@link NanoId}, {@link Snowflake}).
 */
public final class IdGenerators {
  private final TimeOrderedEpochFactory uuidV7;
  private final UlidFactory ulid;
  private final KsuidFactory ksuid;
  private final NanoId nanoId;
  private final Snowflake snowflake;

  /**
   * @param snowflakeNode this node's Snowflake node number, 0–1023 (decision 25)
   * @param clock the node's clock: the time part of UUID v7, ULID, KSUID and Snowflake
   */
  public IdGenerators(int snowflakeNode, Clock clock) {
    SecureRandom random = new SecureRandom();
    this.uuidV7 = new TimeOrderedEpochFactory(random, clock);
    this.ulid = UlidFactory.newMonotonicInstance(random, clock::millis);
    this.ksuid = KsuidFactory.newMonotonicInstance(random, clock::instant);
    this.nanoId = new NanoId(random);
    this.snowflake = new Snowflake(snowflakeNode, clock);
  }

  /** A random (version 4) UUID, canonical lowercase 36 characters (RFC 9562 §5.4). */
  public String uuidV4() {
    // UUID.randomUUID draws from a SecureRandom of its own.
    return UUID.randomUUID().toString();
  }

  /** A time-ordered (version 7) UUID, canonical lowercase 36 characters (RFC 9562 §5.7). */
  public String uuidV7() {
    return uuidV7.create().toString();
  }

  /** A ULID: 26 characters of Crockford base32, 48-bit millisecond time first. */
  public String ulid() {
    return ulid.create().toString();
  }

  /** A NanoID of {@code length} symbols (0 = 21), or empty outside 0–256 (decision 24). */
  public Optional<String> nanoId(int length) {
    return nanoId.next(length);
  }

  /** A KSUID: 27 characters of base62, 32-bit second time (KSUID epoch 2014-05-13) first. */
  public String ksuid() {
    return ksuid.create().toString();
  }

  /**
   * The next Snowflake as a decimal string; empty if the clock is outside the Snowflake epoch's
   * range (see {@link Snowflake#next()}).
   */
  public Optional<String> snowflake() {
    var id = snowflake.next();
    return id.isPresent() ? Optional.of(Long.toString(id.getAsLong())) : Optional.empty();
  }
}
