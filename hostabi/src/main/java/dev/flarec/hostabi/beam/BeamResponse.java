package dev.flarec.hostabi.beam;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An upstream answer as the guest receives it (flaron-abi.md §4.1, decision 9): {@code
 * {"status":200,"headers":{"content-type":"text/plain"},"body":"hello"}}, with {@code status} a
 * bare integer, header names lowercased and repeated headers joined with {@code ", "}, and the body
 * decoded as UTF-8 with malformed bytes replaced by U+FFFD.
 *
 * @param status the upstream status code (any, 2xx or not)
 * @param headers lowercase name to value, sorted by name
 * @param body the raw body bytes
 */
public record BeamResponse(int status, Map<String, String> headers, byte[] body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public BeamResponse {
    headers = Collections.unmodifiableMap(new TreeMap<>(headers));
    body = body.clone();
  }

  /**
   * A response from the upstream's header lines: names are lowercased, names differing only in case
   * are one header, and its values are joined with {@code ", "} in arrival order. HTTP/2
   * pseudo-headers ({@code :status}) are dropped.
   */
  public static BeamResponse of(int status, Map<String, List<String>> rawHeaders, byte[] body) {
    Map<String, String> headers = new TreeMap<>();
    rawHeaders.forEach(
        (name, values) -> {
          if (name.startsWith(":") || values.isEmpty()) {
            return;
          }
          String joined = String.join(", ", values);
          headers.merge(name.toLowerCase(Locale.ROOT), joined, (a, b) -> a + ", " + b);
        });
    return new BeamResponse(status, headers, body);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The response JSON handed to the guest, UTF-8. */
  public byte[] toJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 128);
    try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("status", status);
      g.writeObjectFieldStart("headers");
      for (Map.Entry<String, String> h : headers.entrySet()) {
        g.writeStringField(h.getKey(), h.getValue());
      }
      g.writeEndObject();
      g.writeStringField("body", new String(body, StandardCharsets.UTF_8));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BeamResponse r
        && r.status == status
        && r.headers.equals(headers)
        && Arrays.equals(r.body, body);
  }

  @Override
  public int hashCode() {
    return (status * 31 + headers.hashCode()) * 31 + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "BeamResponse[" + status + ", " + headers + ", " + body.length + " bytes]";
  }
}
