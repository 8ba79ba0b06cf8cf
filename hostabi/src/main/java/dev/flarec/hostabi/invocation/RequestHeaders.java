package dev.flarec.hostabi.invocation;

import com.sun.net.httpserver.Headers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The headers of an inbound request: names matched case-insensitively, every value kept in arrival
 * order. {@link #get} joins a multi-valued header with {@code ", "} (flaron-abi.md §8 decision 14);
 * {@link #all} keeps them apart for proxying to the origin.
 */
public final class RequestHeaders {
  private static final RequestHeaders EMPTY = new RequestHeaders(Map.of());

  /** The headers as the server or a test gave them; read, never copied, until {@link #all}. */
  private final Map<String, List<String>> source;

  /** Lowercased name to the header as it arrived (first spelling wins); built when first needed. */
  private Map<String, Header> byName;

  /** One header name (as first spelled by the client) and its values in arrival order. */
  public record Header(String name, List<String> values) {
    public Header {
      values = List.copyOf(values);
    }
  }

  private RequestHeaders(Map<String, List<String>> source) {
    this.source = source;
  }

  public static RequestHeaders empty() {
    return EMPTY;
  }

  /**
   * Headers from name to values, as {@code com.sun.net.httpserver} or a test gives them. Names that
   * differ only by case are merged, values in the order met.
   *
   * <p>Nothing is copied here: most flares read a header or two, if any, so the per-request cost is
   * paid only for what is read. The server's {@link Headers} already matches names without regard
   * to case, so {@link #get} asks it directly; other maps are merged on first use.
   */
  public static RequestHeaders of(Map<String, List<String>> headers) {
    return new RequestHeaders(headers);
  }

  private synchronized Map<String, Header> byName() {
    if (byName == null) {
      Map<String, String> spelling = new LinkedHashMap<>();
      Map<String, List<String>> values = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> e : source.entrySet()) {
        String key = e.getKey().toLowerCase(Locale.ROOT);
        values.computeIfAbsent(key, k -> new ArrayList<>()).addAll(e.getValue());
        spelling.putIfAbsent(key, e.getKey());
      }
      Map<String, Header> merged = new LinkedHashMap<>();
      spelling.forEach((key, name) -> merged.put(key, new Header(name, values.get(key))));
      byName = Collections.unmodifiableMap(merged);
    }
    return byName;
  }

  /** The value of {@code name}, several values joined with {@code ", "}; null when absent. */
  public String get(String name) {
    if (source instanceof Headers server) {
      List<String> values;
      try {
        values = server.get(name);
      } catch (IllegalArgumentException notAHeaderName) {
        return null; // a name with CR or LF, which no request can carry
      }
      if (values == null || values.isEmpty()) {
        return null;
      }
      return values.size() == 1 ? values.get(0) : String.join(", ", values);
    }
    Header h = byName().get(name.toLowerCase(Locale.ROOT));
    return h == null ? null : String.join(", ", h.values());
  }

  /** Every header with its separate values, in arrival order. */
  public List<Header> all() {
    return List.copyOf(byName().values());
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
    return !lower.equals("authorization")
        && !lower.equals("cookie")
        && !lower.startsWith("x-flaron-");
  }
}
