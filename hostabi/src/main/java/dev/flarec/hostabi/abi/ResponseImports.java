package dev.flarec.hostabi.abi;

import dev.flarec.hostabi.invocation.FlareResponse;
import dev.flarec.hostabi.invocation.Invocation;
import dev.flarec.hostabi.invocation.ResponseRules;
import dev.flarec.hostabi.log.LogLine;
import dev.flarec.hostabi.log.Loggers;
import java.util.logging.Level;

/**
 * Response host functions (flaron-abi.md §3.2): they build the invocation's host-side response
 * state, which the server sends for the Respond action and overlays on the origin's answer for
 * Transform. Each call takes effect at once; none returns a result.
 */
final class ResponseImports {
  private final FlareContext context;

  ResponseImports(FlareContext context) {
    this.context = context;
  }

  /**
   * {@code resp_set_status(status: i32)}: sets the HTTP status (default 200).
   *
   * <p>Parameters: {@code status}: recorded as given; a status outside 100–599 makes the server
   * answer 500 instead when the response is sent (decision 17).
   *
   * <p>Guest memory: nothing is read or written.
   *
   * @see "flaron-abi.md §3.2; §8 decision 17; §6 item 8"
   */
  @HostFunction("resp_set_status")
  void respSetStatus(int status) {
    context.invocation().response().setStatus(status);
  }

  /**
   * {@code resp_header_set(name_ptr: i32, name_len: i32, val_ptr: i32, val_len: i32)}: sets a
   * response header, replacing any earlier value of the same name whatever its case; the casing
   * given is kept.
   *
   * <p>Parameters: {@code name_ptr}, {@code name_len}: the header name, UTF-8; {@code val_ptr},
   * {@code val_len}: the value, UTF-8, {@code (0, 0)} for an empty value.
   *
   * <p>Outcome (decision 17): {@code Content-Length}, {@code Transfer-Encoding} and {@code
   * Connection} are ignored (the server frames the message); a name that is not an RFC 9110 token
   * or a value containing CR, LF or NUL is dropped and a warning logged. A range outside memory or
   * a negative length traps (decision 11).
   *
   * <p>Guest memory: both ranges are read; nothing is written.
   *
   * @see "flaron-abi.md §3.2; §8 decisions 11, 17; §6 item 9"
   */
  @HostFunction("resp_header_set")
  void respHeaderSet(int namePtr, int nameLen, int valuePtr, int valueLen) {
    String name = context.guest().readUtf8(namePtr, nameLen);
    String value = context.guest().readUtf8(valuePtr, valueLen);
    Invocation invocation = context.invocation();
    if (ResponseRules.isManaged(name)) {
      dropped(invocation, name, "managed by the server", Level.FINE);
    } else if (!ResponseRules.isToken(name)) {
      dropped(invocation, name, "invalid header name", Level.WARNING);
    } else if (!ResponseRules.isValidValue(value)) {
      dropped(invocation, name, "header value contains CR, LF or NUL", Level.WARNING);
    } else {
      invocation.response().setHeader(name, value);
    }
  }

  /**
   * {@code resp_body_set(body_ptr: i32, body_len: i32)}: replaces the whole response body.
   *
   * <p>Parameters: {@code body_ptr}, {@code body_len}: the body bytes, {@code (0, 0)} for an empty
   * body. A range outside memory or a negative length traps (decision 11).
   *
   * <p>Guest memory: the range is copied out; nothing is written.
   *
   * @see "flaron-abi.md §3.2; §6 item 10"
   */
  @HostFunction("resp_body_set")
  void respBodySet(int bodyPtr, int bodyLen) {
    FlareResponse response = context.invocation().response();
    response.setBody(context.guest().read(bodyPtr, bodyLen));
  }

  private static void dropped(Invocation invocation, String name, String reason, Level level) {
    LogLine.of("response-header-dropped")
        .field("flare", invocation.config().name())
        .field("request_id", invocation.id())
        .field("header", name)
        .field("reason", reason)
        .log(Loggers.HOST, level);
  }
}
