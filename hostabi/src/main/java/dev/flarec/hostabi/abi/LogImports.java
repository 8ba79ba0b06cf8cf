package dev.flarec.hostabi.abi;

import dev.flarec.hostabi.invocation.Invocation;
import dev.flarec.hostabi.log.LogLine;
import dev.flarec.hostabi.log.Loggers;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;

/**
 * Logging host functions (flaron-abi.md §3.11): a flare's lines go to the {@link Loggers#FLARE}
 * logger, tagged with the flare's name and the request id, at the level of the function called:
 * {@code log_info} at INFO, {@code log_warn} at WARNING, {@code log_error} at SEVERE.
 *
 * <p>Limits per invocation (decision 23, configurable): {@code max_log_lines} lines (default 100;
 * further lines are dropped, and the host says so once), {@code max_log_message_bytes} bytes per
 * line (default 4096; longer messages are cut at a character boundary and marked {@code
 * truncated=true}).
 */
final class LogImports {
  private final FlareContext context;

  LogImports(FlareContext context) {
    this.context = context;
  }

  /**
   * {@code log_info(msg_ptr: i32, msg_len: i32)}: logs a line at INFO.
   *
   * <p>Parameters: {@code msg_ptr}, {@code msg_len}: the message, UTF-8, {@code (0, 0)} for an
   * empty one. A range outside memory or a negative length traps (decision 11), even past the line
   * limit.
   *
   * <p>Guest memory: read only.
   *
   * @see "flaron-abi.md §3.11; §8 decision 23; §6 item 11"
   */
  @HostFunction("log_info")
  void logInfo(int msgPtr, int msgLen) {
    log(Level.INFO, msgPtr, msgLen);
  }

  /**
   * {@code log_warn(msg_ptr: i32, msg_len: i32)}: logs a line at WARNING; as {@link #logInfo}.
   *
   * @see "flaron-abi.md §3.11; §8 decision 23; §6 item 11"
   */
  @HostFunction("log_warn")
  void logWarn(int msgPtr, int msgLen) {
    log(Level.WARNING, msgPtr, msgLen);
  }

  /**
   * {@code log_error(msg_ptr: i32, msg_len: i32)}: logs a line at SEVERE; as {@link #logInfo}.
   *
   * @see "flaron-abi.md §3.11; §8 decision 23; §6 item 11"
   */
  @HostFunction("log_error")
  void logError(int msgPtr, int msgLen) {
    log(Level.SEVERE, msgPtr, msgLen);
  }

  private void log(Level level, int msgPtr, int msgLen) {
    Invocation invocation = context.invocation();
    int max = invocation.limits().limits().maxLogMessageBytes();
    // one byte past the limit tells whether the cut falls inside a character
    byte[] bytes = context.guest().readAtMost(msgPtr, msgLen, max + 1);
    if (!invocation.limits().tryLogLine()) {
      if (invocation.limits().logLimitJustReached()) {
        LogLine.of("flare-log-limit")
            .field("flare", invocation.config().name())
            .field("request_id", invocation.id())
            .field("max_log_lines", invocation.limits().limits().maxLogLines())
            .field("note", "further lines of this request are dropped")
            .log(Loggers.HOST, Level.WARNING);
      }
      return;
    }
    boolean truncated = bytes.length > max;
    String message =
        new String(bytes, 0, truncated ? cut(bytes, max) : bytes.length, StandardCharsets.UTF_8);
    LogLine.of("flare-log")
        .field("flare", invocation.config().name())
        .field("request_id", invocation.id())
        .field("msg", message)
        .field("truncated", truncated ? Boolean.TRUE : null)
        .log(Loggers.FLARE, level);
  }

  /**
   * The largest length {@code <= max} that does not split a UTF-8 sequence: back off over
   * continuation bytes ({@code 10xxxxxx}) that would start the cut-off part.
   */
  static int cut(byte[] bytes, int max) {
    int end = max;
    while (end > 0 && end > max - 3 && (bytes[end] & 0xC0) == 0x80) {
      end--;
    }
    return (bytes[end] & 0xC0) == 0x80 ? max : end;
  }
}
