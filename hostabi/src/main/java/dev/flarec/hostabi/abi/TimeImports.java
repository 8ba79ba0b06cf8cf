package dev.flarec.hostabi.abi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flarec.hostabi.time.TimestampFormat;
import java.util.Optional;

/** The time host function of {@code flaron/v1} (flaron-abi.md §3.10, §4.4). */
final class TimeImports {
  private static final long NONE = 0;

  private final FlareContext context;

  TimeImports(FlareContext context) {
    this.context = context;
  }

  /**
   * Reads the node's wall clock.
   *
   * <p>Parameters: {@code args_ptr}, {@code args_len} — address and byte length of a UTF-8 JSON
   * object {@code {"format": name}} with {@code name} one of {@code unix}, {@code ms}, {@code ns}
   * (decimal seconds, milliseconds, nanoseconds since the Unix epoch), {@code rfc3339} or its alias
   * {@code iso8601} ({@code 2026-04-07T11:12:13Z}), {@code http} ({@code Tue, 07 Apr 2026 11:12:13
   * GMT}). An unknown name, a missing or non-string {@code format}, or empty arguments ({@code len
   * == 0}) mean RFC 3339.
   *
   * <p>Result: packed pointer/length of the formatted time (ASCII); 0 if the arguments are present
   * but not a JSON object, or the guest's {@code alloc} returns 0.
   *
   * <p>Guest memory: the formatted text, via {@code alloc}.
   *
   * <p>References: flaron-abi.md §3.10, §4.4; RFC 3339 §5.6; RFC 9110 §5.6.7.
   */
  @HostFunction("timestamp")
  public long timestamp(int argsPtr, int argsLen) {
    String name = null;
    if (argsLen != 0) {
      Optional<ObjectNode> args = JsonEnvelope.parse(context.guest().read(argsPtr, argsLen));
      if (args.isEmpty()) {
        return NONE;
      }
      name = JsonEnvelope.string(args.get(), "format").orElse(null);
    }
    TimestampFormat format = TimestampFormat.byWireName(name);
    return context.guest().writeUtf8(format.format(context.services().clock().instant()));
  }
}
