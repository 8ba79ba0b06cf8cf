package dev.flarec.hostabi.invocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The headers of an inbound request: names matched case-insensitively, every value kept in
 * arrival order. {@link #get} joins a multi-valued header with {@code ", "} (flaron-abi.md §8
 * decision 14); {@link #all} keeps them apart for proxying to the origin.
 */
public final class RequestHeaders {
  private static final RequestHeaders EMPTY = new RequestHeaders(Map.of());

  /** Lowercased name to the header as it arrived (first spelling wins). */
  private final Map<String, Header> byName;

  /** One header name (as first spelled by the client) and its values in arrival order. */
  public record Header(String name, List<String> values) {
    public Header {
      values = List.copyOf(values);
    }
  }

  private RequestHeaders(Map<String, Header> byName) {
    this.byName = byName;
  }

  public static RequestHeaders empty() {
    return EMPTY;
  }

  /**
   * Headers from name to values, as {@code com.sun.net.httpserver} or a test gives them. Names
   * that differ only by case are merged, values in the order met.
   */
  public static RequestHeaders of(Map<String, List<String>> headers) {
    Map<String, Header> byName = new LinkedHashMap<>();
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      values.computeIfAbsent(key, k -> new ArrayList<>()).addAll(e.getValue());
      byName.putIfAbsent(key, new Header(e.getKey(), List.of()));
    }
    Map<String, Header> merged = new LinkedHashMap<>();
    byName.forEach((key, h) -> merged.put(key, new Header(h.name(), values.get(key))));
    return new RequestHeaders(Collections.unmodifiableMap(merged));
  }

  /** The value of {@code name}, several values joined with {@code ", "}; null when absent. */
  public String get(String name) {
    Header h = byName.get(name.toLowerCase(Locale.ROOT));
    return h == null ? null : String.join(", ", h.values());
  }

  /** Every header with its separate values, in arrival order. */
  public List<Header> all() {
    return List.copyOf(byName.values());
  }

  /**
   * Whether a flare may read {@code name} through {@code req_header_get}: {@code Authorization},
   * {@code Cookie} and {@code X-Flaron-*} are hidden unless the flare is configured {@code
   * requires_raw_auth = true} (decision 15).
   */
  public static boolean visibleToFlare(String name, boolean requiresRawAuth) {
    if (requiresRawAuth) {
      return true;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    return !lower.equals("authorization") && !lower.equals("cookie") && !lower.startsWith("x-flaron-");
  }
}
