package dev.flarec.hostabi.abi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * JSON arrays of strings, the shape of {@code spark_list}, {@code plasma_list} and {@code
 * spark_pull}'s keys (flaron-abi.md §4.5), read and written with Jackson so that escapes and
 * whitespace are handled whatever the guest SDK sends.
 */
final class JsonStringArrays {
  // Trailing text after the array is an error, as for every envelope this host reads.
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private JsonStringArrays() {}

  /** {@code ["a","b"]}, compact, UTF-8. */
  static byte[] write(List<String> strings) {
    try {
      return JSON.writeValueAsBytes(strings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings is always JSON", e);
    }
  }

  /** The strings of a JSON array of strings; empty if {@code json} is anything else. */
  static Optional<List<String>> read(byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (root == null || !root.isArray()) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>(root.size());
    for (JsonNode item : root) {
      if (!item.isTextual()) {
        return Optional.empty();
      }
      out.add(item.textValue());
    }
    return Optional.of(out);
  }
}
