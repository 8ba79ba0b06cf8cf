package dev.flarec.hostabi.abi;

import dev.flarec.hostabi.invocation.Invocation;
import dev.flarec.hostabi.log.LogLine;
import dev.flarec.hostabi.log.Loggers;
import dev.flarec.runtime.memory.LittleEndian;
import dev.flarec.runtime.memory.Memory;
import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;

/**
 * AssemblyScript's {@code env.abort} (flaron-abi.md §2.4, §7): called by AS code on a failed
 * assertion or an unreachable path. It ends the invocation with a trap, after logging what the
 * guest said.
 */
final class AbortImport {
  /** Longest AS string decoded for the log, in bytes; a message is not a payload. */
  private static final int MAX_STRING_BYTES = 4096;

  private final FlareContext context;

  AbortImport(FlareContext context) {
    this.context = context;
  }

  /**
   * {@code env.abort(msg_ptr: i32, file_ptr: i32, line: i32, col: i32)}: aborts the invocation.
   *
   * <p>Parameters: {@code msg_ptr}, {@code file_ptr}: AssemblyScript strings (UTF-16LE, their byte
   * length a u32 at {@code ptr - 4}), 0 when absent; {@code line}, {@code col}: where in the
   * source.
   *
   * <p>Result: none: always traps ({@code unreachable}), so the request is answered 500 (decision
   * 4). The decoded message and location are logged at SEVERE; a pointer that does not lead to a
   * well-formed string is logged as absent rather than trapping differently.
   *
   * <p>Guest memory: read only.
   *
   * @see "flaron-abi.md §2.4, §7; §8 decision 4"
   */
  @HostFunction(value = "abort", module = "env")
  void abort(int msgPtr, int filePtr, int line, int col) {
    Memory memory = context.guest().memory();
    String message = asString(memory, msgPtr);
    String file = asString(memory, filePtr);
    Invocation invocation = context.invocation();
    LogLine.of("flare-abort")
        .field("flare", invocation.config().name())
        .field("request_id", invocation.id())
        .field("msg", message)
        .field("at", file == null ? null : file + ":" + line + ":" + col)
        .log(Loggers.FLARE, Level.SEVERE);
    throw new WasmTrap(
        TrapKind.UNREACHABLE, "(env.abort" + (message == null ? "" : ": " + message) + ")");
  }

  /** The AS string at {@code ptr}, or null when there is none or it is malformed. */
  static String asString(Memory memory, int ptr) {
    long address = Integer.toUnsignedLong(ptr);
    byte[] bytes = memory.bytes;
    if (address < 4 || address > memory.size) {
      return null;
    }
    int at = (int) address;
    long length = Integer.toUnsignedLong((int) LittleEndian.INT.get(bytes, at - 4));
    if (length % 2 != 0 || address + length > memory.size) {
      return null;
    }
    int shown = (int) Math.min(length, MAX_STRING_BYTES);
    return new String(bytes, at, shown, StandardCharsets.UTF_16LE);
  }
}
