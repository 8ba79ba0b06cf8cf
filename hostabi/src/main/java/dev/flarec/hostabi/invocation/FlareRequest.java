package dev.flarec.hostabi.invocation;

/**
 * The inbound HTTP request a flare invocation serves, as the host functions of §3.1 present it.
 *
 * @param method the method, uppercase ({@code GET}, {@code POST}, ...)
 * @param url the absolute URL {@code scheme://host[:port]/path?query} as the client sent it
 *     (decision 13)
 * @param pathAndQuery the raw request target, {@code /path?query}, for proxying to the origin
 * @param headers the request headers, all of them (stripping happens at {@code req_header_get})
 * @param body the body, already read and within the configured cap (decision 16); empty if none
 */
public record FlareRequest(
    String method, String url, String pathAndQuery, RequestHeaders headers, byte[] body) {}
