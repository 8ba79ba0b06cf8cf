package dev.flarec.hostabi.encoding;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * URL percent-encoding by RFC 3986 (§2.1, §2.3), as decision 27 fixes it for {@code
 * encoding_url_encode} / {@code encoding_url_decode}.
 *
 * <ul>
 *   <li>Encoding works on bytes: the unreserved characters {@code A-Z a-z 0-9 - . _ ~} are kept,
 *       every other byte becomes {@code %XX} with uppercase hex (RFC 3986 §2.1 "should use
 *       uppercase"); so a space is {@code %20}, never {@code +}, and UTF-8 text is encoded byte by
 *       byte ({@code é} → {@code %C3%A9}).
 *   <li>Decoding turns {@code %XX} (either case) into its byte and copies every other byte as it is
 *       — in particular {@code +} stays a literal plus (it means space only in HTML form encoding,
 *       which this is not). A {@code %} not followed by two hex digits is malformed.
 * </ul>
 *
 * <p>Why not {@code java.net.URLEncoder}/{@code URLDecoder}: they implement HTML form encoding
 * ({@code application/x-www-form-urlencoded}), which writes a space as {@code +}, keeps {@code *},
 * encodes {@code ~}, and decodes {@code +} as a space — four differences from the spec.
 */
public final class PercentCodec {
  private static final byte[] UPPER_HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private PercentCodec() {}

  /** RFC 3986 §2.3 unreserved characters. */
  static boolean isUnreserved(int b) {
    return (b >= 'A' && b <= 'Z')
        || (b >= 'a' && b <= 'z')
        || (b >= '0' && b <= '9')
        || b == '-'
        || b == '.'
        || b == '_'
        || b == '~';
  }

  /** The value of an ASCII hex digit of either case, or -1. */
  private static int hexValue(byte b) {
    return HexFormat.isHexDigit(b) ? HexFormat.fromHexDigit(b) : -1;
  }

  /** {@code data} percent-encoded (ASCII bytes). */
  public static byte[] encode(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 3);
    for (byte b : data) {
      int u = b & 0xFF;
      if (isUnreserved(u)) {
        out.write(u);
      } else {
        out.write('%');
        out.write(UPPER_HEX[u >>> 4]);
        out.write(UPPER_HEX[u & 0x0F]);
      }
    }
    return out.toByteArray();
  }

  /** The bytes {@code text} encodes, or empty if a {@code %} escape is truncated or not hex. */
  public static Optional<byte[]> decode(byte[] text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length);
    for (int i = 0; i < text.length; i++) {
      byte b = text[i];
      if (b != '%') {
        out.write(b);
        continue;
      }
      if (i + 2 >= text.length) {
        return Optional.empty();
      }
      int hi = hexValue(text[i + 1]);
      int lo = hexValue(text[i + 2]);
      if (hi < 0 || lo < 0) {
        return Optional.empty();
      }
      out.write((hi << 4) | lo);
      i += 2;
    }
    return Optional.of(out.toByteArray());
  }
}
