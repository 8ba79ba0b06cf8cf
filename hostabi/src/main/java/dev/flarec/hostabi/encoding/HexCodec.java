package dev.flarec.hostabi.encoding;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Base16 (RFC 4648 §8) as the host writes it: lowercase, two digits per byte, no separators ({@code
 * hello} ↔ {@code 68656c6c6f}). Decoding accepts either case, since RFC 4648's own examples are
 * uppercase; an odd number of digits or any other character is malformed.
 */
public final class HexCodec {
  private static final HexFormat LOWER = HexFormat.of();

  private HexCodec() {}

  /** {@code data} as lowercase hexadecimal text. */
  public static String encodeToString(byte[] data) {
    return LOWER.formatHex(data);
  }

  /** {@code data} as lowercase hexadecimal (ASCII bytes). */
  public static byte[] encode(byte[] data) {
    return encodeToString(data).getBytes(StandardCharsets.US_ASCII);
  }

  /** The bytes {@code text} encodes, or empty if it is not an even run of hex digits. */
  public static Optional<byte[]> decode(byte[] text) {
    if (text.length % 2 != 0) {
      return Optional.empty();
    }
    // HexFormat parses a CharSequence; the input must be ASCII anyway, so a byte that is not an
    // ASCII hex digit is rejected here rather than decoded into some other char.
    char[] chars = new char[text.length];
    for (int i = 0; i < text.length; i++) {
      if (!HexFormat.isHexDigit(text[i])) {
        return Optional.empty();
      }
      chars[i] = (char) text[i];
    }
    return Optional.of(LOWER.parseHex(new String(chars)));
  }
}
