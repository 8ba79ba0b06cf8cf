package dev.flarec.hostabi.abi;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * The JSON object arguments of the crypto, id and time host functions (flaron-abi.md §4.2–4.4),
 * e.g. {@code {"algorithm":"sha256","input":"hello"}}. Parsed with a real JSON parser, as §4
 * requires (SDKs differ in field order, escapes and whitespace), and strictly: a duplicated member,
 * trailing garbage or anything but an object is malformed, and the host function then returns 0
 * rather than guess which value the guest meant.
 *
 * <p>Numbers keep their exact value and spelling class (integers stay integers of any size,
 * decimals stay {@code BigDecimal} with their scale) because {@code crypto_sign_jwt} copies claim
 * values into the token as the guest wrote them (decision 7).
 */
final class JsonEnvelope {
  /** Thread-safe once built; shared by every instance. */
  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          // keep "1.50" as 1.50: Jackson would otherwise strip trailing zeros of decimals
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private JsonEnvelope() {}

  /** The JSON object in {@code json} (UTF-8), or empty if it is malformed or not an object. */
  static Optional<ObjectNode> parse(byte[] json) {
    if (json.length == 0) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException malformed) {
      return Optional.empty();
    }
    return root instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
  }

  /** Member {@code field} if it is a JSON string; empty if absent or of another type. */
  static Optional<String> string(ObjectNode object, String field) {
    JsonNode value = object.get(field);
    return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
  }
}
