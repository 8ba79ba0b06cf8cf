package dev.flarec.hostabi.plasma;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The Plasma key rule. The spec only says that empty and oversized keys are rejected (the C mock
 * returns BadKey for them, flaron-abi.md §3.5), so the rule is looser than Spark's: 1 to 256 bytes
 * of valid UTF-8 (keys come back in {@code plasma_list} as JSON strings, which must round-trip), no
 * control characters, and not in the host's reserved {@code __flaron:} and {@code __sys:} prefixes,
 * as for Spark.
 */
public final class PlasmaKeys {
  /** Longest key, in bytes. */
  public static final int MAX_LENGTH = 256;

  private PlasmaKeys() {}

  /** The key as text if {@code key} is a valid Plasma key. */
  public static Optional<String> parse(byte[] key) {
    if (key.length < 1 || key.length > MAX_LENGTH) {
      return Optional.empty();
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(key))
              .toString();
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        return Optional.empty();
      }
    }
    if (text.startsWith("__flaron:") || text.startsWith("__sys:")) {
      return Optional.empty();
    }
    return Optional.of(text);
  }

  /** True if {@code key} is a valid Plasma key. */
  public static boolean isValid(String key) {
    return parse(key.getBytes(StandardCharsets.UTF_8)).isPresent();
  }
}
