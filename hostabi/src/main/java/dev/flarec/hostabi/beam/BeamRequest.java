package dev.flarec.hostabi.beam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of one {@code beam_fetch}, parsed from the guest's JSON (flaron-abi.md §4.1): {@code
 * {"method": string, "headers": {name: string}, "body": string}}, every field optional. Empty
 * options (length 0), {@code {}} and {@code null} all mean GET with no headers and no body
 * (decision 9); an empty {@code method} also means GET.
 *
 * @param method the HTTP method, an RFC 7230 token
 * @param headers request headers in the order given (names as given; HTTP treats them
 *     case-insensitively)
 * @param body the request body as text (sent as UTF-8), or null for none
 */
public record BeamRequest(String method, Map<String, String> headers, String body) {
  // Strict, like every envelope of this host: a repeated member or trailing garbage is an
  // error, not silently resolved (docs/RATIONALE.md, "Why JSON envelopes are parsed strictly").
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** GET, no headers, no body. */
  public static final BeamRequest GET = new BeamRequest("GET", Map.of(), null);

  public BeamRequest {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /**
   * Parses options JSON.
   *
   * @throws IllegalArgumentException if {@code json} is not a JSON object of the shape above
   *     (malformed JSON, a repeated member, trailing text, a non-string body, a non-scalar header
   *     value, an invalid method)
   */
  public static BeamRequest parse(byte[] json) {
    if (json.length == 0) {
      return GET;
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("beam options are not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("beam options are unreadable", e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return GET;
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException("beam options must be a JSON object");
    }
    String method = text(root.get("method"), "method");
    if (method == null || method.isEmpty()) {
      method = "GET";
    } else if (!isToken(method)) {
      throw new IllegalArgumentException("beam method is not an HTTP token: " + method);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    JsonNode h = root.get("headers");
    if (h != null && !h.isNull()) {
      if (!h.isObject()) {
        throw new IllegalArgumentException("beam headers must be a JSON object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        if (v.isNull()) {
          continue;
        }
        if (!v.isValueNode()) {
          throw new IllegalArgumentException("beam header " + e.getKey() + " is not a string");
        }
        headers.put(e.getKey(), v.asText());
      }
    }
    return new BeamRequest(method, headers, text(root.get("body"), "body"));
  }

  private static String text(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new IllegalArgumentException("beam " + field + " must be a string");
    }
    return node.textValue();
  }

  /** RFC 7230 token: the characters an HTTP method may use. */
  static boolean isToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
