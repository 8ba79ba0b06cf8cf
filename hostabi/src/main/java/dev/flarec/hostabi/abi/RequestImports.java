package dev.flarec.hostabi.abi;

import dev.flarec.hostabi.invocation.FlareRequest;
import dev.flarec.hostabi.invocation.RequestHeaders;

/**
 * Request host functions (flaron-abi.md §3.1): the inbound request, read-only.
 *
 * <p>Every result is handed over through the guest's {@code alloc} (§2.2): the host calls {@code
 * alloc(len)}, copies the bytes to the address it returns and answers the packed i64 {@code (ptr <<
 * 32) | len}. A result is 0 when it is absent or empty (decision 10), when there is no request
 * context, or when {@code alloc} returns 0.
 */
final class RequestImports {
  private final FlareContext context;

  RequestImports(FlareContext context) {
    this.context = context;
  }

  /**
   * {@code req_method() -> i64}: the request method, uppercase.
   *
   * <p>Result: packed {@code (ptr, len)} of the method's ASCII bytes, for example {@code GET}; 0
   * when there is no request context or {@code alloc} failed.
   *
   * <p>Guest memory: {@code len} bytes at {@code ptr}, in space the guest's {@code alloc} gave.
   *
   * @see "flaron-abi.md §3.1; §6 item 4"
   */
  @HostFunction("req_method")
  long reqMethod() {
    FlareRequest request = context.invocation().request();
    return request == null ? 0 : context.guest().writeUtf8(request.method());
  }

  /**
   * {@code req_url() -> i64}: the absolute request URL, {@code scheme://host[:port]/path?query}, as
   * the client sent it (scheme of the listener, host from the {@code Host} header).
   *
   * <p>Result: packed UTF-8 URL; 0 when there is no request context or {@code alloc} failed.
   *
   * <p>Guest memory: the URL's bytes at {@code ptr}.
   *
   * @see "flaron-abi.md §3.1; §8 decision 13; §6 item 5"
   */
  @HostFunction("req_url")
  long reqUrl() {
    FlareRequest request = context.invocation().request();
    return request == null ? 0 : context.guest().writeUtf8(request.url());
  }

  /**
   * {@code req_header_get(name_ptr: i32, name_len: i32) -> i64}: one request header's value.
   *
   * <p>Parameters: {@code name_ptr}, {@code name_len}: the header name, UTF-8, matched
   * case-insensitively.
   *
   * <p>Result: packed UTF-8 value, several values of the header joined with {@code ", "} in arrival
   * order (decision 14); 0 when the header is absent or empty, when it is {@code Authorization},
   * {@code Cookie} or {@code X-Flaron-*} and the flare is not configured {@code requires_raw_auth =
   * true} (decision 15), when there is no request context, or when {@code alloc} failed. A name
   * range outside memory or a negative length traps (decision 11).
   *
   * <p>Guest memory: the value's bytes at {@code ptr}.
   *
   * @see "flaron-abi.md §3.1; §8 decisions 11, 14, 15; §6 item 6"
   */
  @HostFunction("req_header_get")
  long reqHeaderGet(int namePtr, int nameLen) {
    String name = context.guest().readUtf8(namePtr, nameLen);
    FlareRequest request = context.invocation().request();
    if (request == null
        || name.isEmpty()
        || !RequestHeaders.visibleToFlare(name, context.invocation().config().requiresRawAuth())) {
      return 0;
    }
    return context.guest().writeUtf8(request.headers().get(name));
  }

  /**
   * {@code req_body() -> i64}: the request body, binary-safe.
   *
   * <p>Result: packed body bytes; 0 when the body is empty, when the flare is not configured {@code
   * requires_body = true} (decision 16), when there is no request context, or when {@code alloc}
   * failed (a body larger than the guest's arena, 256 KiB in every SDK, always does). Bodies over
   * the configured cap never reach the flare: the server answers 413 first.
   *
   * <p>Guest memory: the body's bytes at {@code ptr}.
   *
   * @see "flaron-abi.md §3.1; §8 decision 16; §6 item 7"
   */
  @HostFunction("req_body")
  long reqBody() {
    FlareRequest request = context.invocation().request();
    if (request == null || !context.invocation().config().requiresBody()) {
      return 0;
    }
    return context.guest().write(request.body());
  }
}
