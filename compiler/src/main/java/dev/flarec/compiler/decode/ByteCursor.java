package dev.flarec.compiler.decode;

import dev.flarec.compiler.InvalidModuleException;
import dev.flarec.compiler.MalformedModuleException;
import dev.flarec.compiler.UnsupportedModuleException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the binary format's primitive values (§5.2) from a module's bytes, never past a limit (the
 * end of the current section or function body), and knows where it is: the section and function
 * being read, so that every error it or its callers raise carries a position.
 */
final class ByteCursor {
  private final byte[] bytes;
  private int position;
  private int limit;
  private String section;
  private int function = dev.flarec.compiler.CompileException.UNKNOWN;

  ByteCursor(byte[] bytes, int position) {
    this.bytes = bytes;
    this.position = position;
    this.limit = bytes.length;
  }

  int position() {
    return position;
  }

  int limit() {
    return limit;
  }

  /** Reads no further than {@code newLimit} until the limit is set again. */
  void limit(int newLimit) {
    limit = newLimit;
  }

  boolean atLimit() {
    return position >= limit;
  }

  int remaining() {
    return limit - position;
  }

  /** The section being read, for messages ("code", "export"). */
  void section(String name) {
    section = name;
    function = dev.flarec.compiler.CompileException.UNKNOWN;
  }

  /** The function (in the function index space) whose body is being read, or UNKNOWN. */
  void function(int index) {
    function = index;
  }

  int u8() {
    if (position >= limit) {
      throw unexpectedEnd();
    }
    return bytes[position++] & 0xFF;
  }

  int peek() {
    if (position >= limit) {
      throw unexpectedEnd();
    }
    return bytes[position] & 0xFF;
  }

  void skip(int n) {
    if (n < 0 || n > remaining()) {
      throw unexpectedEnd();
    }
    position += n;
  }

  /** An unsigned LEB128 number of at most 32 bits (§5.2.2). */
  long u32() {
    int start = position;
    long result = 0;
    for (int shift = 0; ; shift += 7) {
      int b = u8();
      if (shift == 28 && (b & 0x70) != 0) {
        throw malformed(
            start, (b & 0x80) != 0 ? "integer representation too long" : "integer too large");
      }
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
      if (shift == 28) {
        throw malformed(start, "integer representation too long");
      }
    }
  }

  /** An unsigned LEB128 number of at most 64 bits (memory64 limits and offsets). */
  long u64() {
    int start = position;
    long result = 0;
    for (int shift = 0; ; shift += 7) {
      int b = u8();
      if (shift == 63 && (b & 0x7E) != 0) {
        throw malformed(
            start, (b & 0x80) != 0 ? "integer representation too long" : "integer too large");
      }
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
      if (shift == 63) {
        throw malformed(start, "integer representation too long");
      }
    }
  }

  /** A u32 used as an index or count: at most {@link Integer#MAX_VALUE} is meaningful here. */
  int index() {
    long v = u32();
    return v > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) v;
  }

  /** A vector length, which cannot exceed the bytes left when each element takes one or more. */
  int count() {
    int start = position;
    long n = u32();
    if (n > remaining()) {
      throw malformed(
          start,
          "length out of bounds: " + n + " elements, but only " + remaining() + " bytes left");
    }
    return (int) n;
  }

  /** A signed LEB128 number of {@code bits} bits (§5.2.2): 32, 33 or 64. */
  long signed(int bits) {
    int start = position;
    int maxBytes = (bits + 6) / 7;
    long result = 0;
    int shift = 0;
    for (int i = 0; ; i++) {
      int b = u8();
      if (i == maxBytes - 1) {
        // the unused bits of the last byte must all be copies of the sign bit
        int used = bits - 7 * i; // payload bits this byte carries; the rest copy the sign
        if ((b & 0x80) != 0) {
          throw malformed(start, "integer representation too long");
        }
        int sign = (b >> (used - 1)) & 1;
        int rest = (b >> used) & ((1 << (7 - used)) - 1);
        if (rest != (sign == 0 ? 0 : (1 << (7 - used)) - 1)) {
          throw malformed(start, "integer too large");
        }
        result |= (long) (b & 0x7F) << shift;
        shift += 7;
        break;
      }
      result |= (long) (b & 0x7F) << shift;
      shift += 7;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    if (shift < 64 && (result & (1L << (shift - 1))) != 0) {
      result |= -1L << shift;
    }
    return result;
  }

  /** A name (§5.2.4): a length-prefixed UTF-8 string. */
  String name() {
    int start = position;
    int length = count();
    if (length > Limits.MAX_NAME_BYTES) {
      throw limit(
          start,
          "a name of " + length + " bytes exceeds the parser's limit of " + Limits.MAX_NAME_BYTES);
    }
    int from = position;
    skip(length);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, from, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw malformed(from, "malformed UTF-8 encoding");
    }
  }

  MalformedModuleException unexpectedEnd() {
    return malformed(
        position,
        limit == bytes.length
            ? "unexpected end of the module"
            : "unexpected end of the " + where());
  }

  private String where() {
    return function != dev.flarec.compiler.CompileException.UNKNOWN ? "function body" : "section";
  }

  MalformedModuleException malformed(int offset, String message) {
    return new MalformedModuleException(message, section, function, offset, null);
  }

  InvalidModuleException invalid(int offset, String message) {
    return new InvalidModuleException(message, section, function, offset, null);
  }

  /** A feature flarec does not compile yet. */
  UnsupportedModuleException unsupported(int offset, String message) {
    return new UnsupportedModuleException(message, section, function, offset, null);
  }

  /** A valid module beyond one of flarec's (or its parser's) implementation limits. */
  UnsupportedModuleException limit(int offset, String message) {
    return new UnsupportedModuleException(
        "implementation limit: " + message, section, function, offset, null);
  }
}
