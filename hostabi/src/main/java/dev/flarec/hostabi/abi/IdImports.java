package dev.flarec.hostabi.abi;

import dev.flarec.hostabi.guest.Guest;
import dev.flarec.hostabi.ids.IdGenerators;
import java.util.Optional;

/**
 * The ID host functions of {@code flaron/v1} (flaron-abi.md §3.9, §4.3; §8 decisions 23–25). Each
 * ID made counts against the invocation's ID budget (default 1,000); once it is spent every
 * function returns 0. Calls with invalid arguments make no ID and spend nothing. 0 is also the
 * result when the guest's {@code alloc} returns 0.
 */
final class IdImports {
  private static final long NONE = 0;

  private final FlareContext context;

  IdImports(FlareContext context) {
    this.context = context;
  }

  /**
   * Makes a UUID.
   *
   * <p>Parameters: {@code args_ptr}, {@code args_len} — address and byte length of a UTF-8 JSON
   * object {@code {"version": "v4"}} (random) or {@code {"version": "v7"}} (time-ordered).
   *
   * <p>Result: packed pointer/length of the canonical lowercase UUID, 36 characters with hyphens; 0
   * if the envelope is malformed, the version is not exactly {@code v4} or {@code v7}, or the ID
   * budget is spent. v7 UUIDs made on one node sort in creation order.
   *
   * <p>Guest memory: the UUID text, via {@code alloc}.
   *
   * <p>References: flaron-abi.md §3.9, §4.3; decision 23; RFC 9562 §5.4, §5.7.
   */
  @HostFunction("id_uuid")
  public long idUuid(int argsPtr, int argsLen) {
    Optional<String> version =
        JsonEnvelope.parse(guest().read(argsPtr, argsLen))
            .flatMap(args -> JsonEnvelope.string(args, "version"));
    if (version.isEmpty()) {
      return NONE;
    }
    return switch (version.get()) {
      case "v4" -> counted() ? guest().writeUtf8(ids().uuidV4()) : NONE;
      case "v7" -> counted() ? guest().writeUtf8(ids().uuidV7()) : NONE;
      default -> NONE;
    };
  }

  /**
   * Makes a ULID.
   *
   * <p>No parameters.
   *
   * <p>Result: packed pointer/length of a 26-character ULID (Crockford base32, uppercase: 48-bit
   * millisecond timestamp then 80 random bits, incremented within one millisecond so that IDs sort
   * in creation order); 0 once the ID budget is spent.
   *
   * <p>Guest memory: the ULID text, via {@code alloc}.
   *
   * <p>References: flaron-abi.md §3.9; decision 23; the ULID specification (github.com/ulid/spec).
   */
  @HostFunction("id_ulid")
  public long idUlid() {
    return counted() ? guest().writeUtf8(ids().ulid()) : NONE;
  }

  /**
   * Makes a NanoID.
   *
   * <p>Parameter: {@code length} — the number of symbols, 1 to 256; 0 means the default 21.
   *
   * <p>Result: packed pointer/length of {@code length} symbols drawn uniformly from the URL-safe
   * alphabet {@code A-Za-z0-9_-} with {@code SecureRandom}; 0 if {@code length} is negative or
   * above 256, or once the ID budget is spent.
   *
   * <p>Guest memory: the NanoID text, via {@code alloc}.
   *
   * <p>References: flaron-abi.md §3.9; decisions 23, 24.
   */
  @HostFunction("id_nanoid")
  public long idNanoid(int length) {
    Optional<String> id = ids().nanoId(length);
    if (id.isEmpty()) {
      return NONE;
    }
    return counted() ? guest().writeUtf8(id.get()) : NONE;
  }

  /**
   * Makes a KSUID.
   *
   * <p>No parameters.
   *
   * <p>Result: packed pointer/length of a 27-character base62 KSUID (32-bit seconds since
   * 2014-05-13T16:53:20Z, then a 128-bit payload, incremented within one second so that IDs sort in
   * creation order); 0 once the ID budget is spent.
   *
   * <p>Guest memory: the KSUID text, via {@code alloc}.
   *
   * <p>References: flaron-abi.md §3.9; decision 23; Segment's KSUID (github.com/segmentio/ksuid).
   */
  @HostFunction("id_ksuid")
  public long idKsuid() {
    return counted() ? guest().writeUtf8(ids().ksuid()) : NONE;
  }

  /**
   * Makes a Snowflake ID (the edge-ops dispatcher's name for it).
   *
   * <p>No parameters.
   *
   * <p>Result: packed pointer/length of the ID in decimal: 41 bits of milliseconds since
   * 2020-01-01T00:00:00Z, the node's 10-bit number, a 12-bit sequence; strictly increasing on one
   * node, shared with {@code snowflake_id}. 0 once the ID budget is spent, or if the node's clock
   * reads before 2020.
   *
   * <p>Guest memory: the decimal text, via {@code alloc}.
   *
   * <p>References: flaron-abi.md §3.9; decisions 23, 25.
   */
  @HostFunction("id_snowflake")
  public long idSnowflake() {
    return snowflake();
  }

  /**
   * Makes a Snowflake ID (the dedicated import); identical to {@code id_snowflake} and drawn from
   * the same generator, so the two never return the same ID.
   *
   * <p>No parameters. Result, guest memory and references: as {@code id_snowflake}.
   */
  @HostFunction("snowflake_id")
  public long snowflakeId() {
    return snowflake();
  }

  private long snowflake() {
    if (!counted()) {
      return NONE;
    }
    return ids().snowflake().map(id -> guest().writeUtf8(id)).orElse(NONE);
  }

  /** Spends one ID from the invocation's budget; false once it is exhausted. */
  private boolean counted() {
    return context.invocation().limits().tryIdGeneration();
  }

  private IdGenerators ids() {
    return context.services().ids();
  }

  private Guest guest() {
    return context.guest();
  }
}
