package dev.flarec.hostabi.abi;

import dev.flarec.hostabi.encoding.Base64Codec;
import dev.flarec.hostabi.encoding.HexCodec;
import dev.flarec.hostabi.encoding.PercentCodec;
import dev.flarec.hostabi.guest.Guest;
import java.util.Optional;

/**
 * The encoding host functions of {@code flaron/v1} (flaron-abi.md §3.8; §8 decisions 10, 11, 27):
 * raw bytes in, packed bytes out, no JSON. Every function returns 0 for empty input (an empty
 * result is "absent" in this ABI), for malformed input to a decoder, and when the guest's {@code
 * alloc} returns 0; an out-of-bounds {@code (ptr, len)} traps.
 */
final class EncodingImports {
  private static final long NONE = 0;

  private final FlareContext context;

  EncodingImports(FlareContext context) {
    this.context = context;
  }

  /**
   * Encodes bytes as base64.
   *
   * <p>Parameters: {@code data_ptr}, {@code data_len} — address and byte length of the bytes to
   * encode (any bytes; {@code len == 0} is empty whatever the pointer).
   *
   * <p>Result: packed pointer/length of the standard-alphabet base64 text with {@code =} padding
   * ({@code hello} → {@code aGVsbG8=}); 0 for empty input.
   *
   * <p>Guest memory: the ASCII text, via {@code alloc}.
   *
   * <p>References: flaron-abi.md §3.8; RFC 4648 §4.
   */
  @HostFunction("encoding_base64_encode")
  public long base64Encode(int dataPtr, int dataLen) {
    return guest().write(Base64Codec.encode(input(dataPtr, dataLen)));
  }

  /**
   * Decodes base64.
   *
   * <p>Parameters: {@code data_ptr}, {@code data_len} — address and byte length of standard base64
   * text (padding may be omitted; line breaks, other characters and the URL-safe alphabet are
   * malformed).
   *
   * <p>Result: packed pointer/length of the decoded bytes; 0 for empty or malformed input or an
   * empty result.
   *
   * <p>Guest memory: the decoded bytes, via {@code alloc}.
   *
   * <p>References: flaron-abi.md §3.8; RFC 4648 §4.
   */
  @HostFunction("encoding_base64_decode")
  public long base64Decode(int dataPtr, int dataLen) {
    return written(Base64Codec.decode(input(dataPtr, dataLen)));
  }

  /**
   * Encodes bytes as hexadecimal.
   *
   * <p>Parameters: {@code data_ptr}, {@code data_len} — address and byte length of the bytes.
   *
   * <p>Result: packed pointer/length of the lowercase hex text, two digits per byte ({@code hello}
   * → {@code 68656c6c6f}); 0 for empty input.
   *
   * <p>Guest memory: the ASCII text, via {@code alloc}.
   *
   * <p>References: flaron-abi.md §3.8; RFC 4648 §8.
   */
  @HostFunction("encoding_hex_encode")
  public long hexEncode(int dataPtr, int dataLen) {
    return guest().write(HexCodec.encode(input(dataPtr, dataLen)));
  }

  /**
   * Decodes hexadecimal.
   *
   * <p>Parameters: {@code data_ptr}, {@code data_len} — address and byte length of hex text, digits
   * of either case, an even number of them, nothing else.
   *
   * <p>Result: packed pointer/length of the decoded bytes; 0 for empty or malformed input.
   *
   * <p>Guest memory: the decoded bytes, via {@code alloc}.
   *
   * <p>References: flaron-abi.md §3.8; RFC 4648 §8.
   */
  @HostFunction("encoding_hex_decode")
  public long hexDecode(int dataPtr, int dataLen) {
    return written(HexCodec.decode(input(dataPtr, dataLen)));
  }

  /**
   * Percent-encodes text for a URL component.
   *
   * <p>Parameters: {@code data_ptr}, {@code data_len} — address and byte length of the text (UTF-8;
   * encoded byte by byte, so any bytes are accepted).
   *
   * <p>Result: packed pointer/length of the text with every byte outside RFC 3986's unreserved set
   * {@code A-Za-z0-9-._~} written {@code %XX} in uppercase hex ({@code hello world} → {@code
   * hello%20world}); 0 for empty input.
   *
   * <p>Guest memory: the ASCII text, via {@code alloc}.
   *
   * <p>References: flaron-abi.md §3.8; decision 27; RFC 3986 §2.1, §2.3.
   */
  @HostFunction("encoding_url_encode")
  public long urlEncode(int dataPtr, int dataLen) {
    return guest().write(PercentCodec.encode(input(dataPtr, dataLen)));
  }

  /**
   * Decodes percent-encoded text.
   *
   * <p>Parameters: {@code data_ptr}, {@code data_len} — address and byte length of the text. {@code
   * %XX} escapes may use either case; {@code +} is a literal plus, not a space.
   *
   * <p>Result: packed pointer/length of the decoded bytes; 0 for empty input or a {@code %} not
   * followed by two hex digits.
   *
   * <p>Guest memory: the decoded bytes, via {@code alloc}.
   *
   * <p>References: flaron-abi.md §3.8; decision 27; RFC 3986 §2.1.
   */
  @HostFunction("encoding_url_decode")
  public long urlDecode(int dataPtr, int dataLen) {
    return written(PercentCodec.decode(input(dataPtr, dataLen)));
  }

  private Guest guest() {
    return context.guest();
  }

  private byte[] input(int ptr, int len) {
    return guest().read(ptr, len);
  }

  private long written(Optional<byte[]> result) {
    return result.map(bytes -> guest().write(bytes)).orElse(NONE);
  }
}
