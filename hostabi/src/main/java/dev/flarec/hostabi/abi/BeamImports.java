package dev.flarec.hostabi.abi;

import dev.flarec.hostabi.beam.BeamClient;
import dev.flarec.hostabi.beam.BeamRequest;
import dev.flarec.hostabi.beam.BeamResponse;
import dev.flarec.hostabi.beam.FetchUrl;
import dev.flarec.hostabi.beam.UrlAllowlist;
import dev.flarec.hostabi.config.FlareConfig;
import dev.flarec.hostabi.guest.Guest;
import dev.flarec.hostabi.invocation.Invocation;
import dev.flarec.hostabi.metrics.HostCall;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The Beam host function: outbound HTTP, a flare's only network egress (flaron-abi.md §3.3, §4.1,
 * decision 9).
 */
final class BeamImports {
  private static final Logger LOG = System.getLogger(BeamImports.class.getName());

  private final FlareContext context;
  // The allowlist of the flare last served; rebuilt only when the configuration changes.
  private List<String> allowlistSource;
  private UrlAllowlist allowlist;

  BeamImports(FlareContext context) {
    this.context = context;
  }

  /**
   * Fetches a URL and returns the upstream's answer, whatever its status.
   *
   * <p>Parameters: {@code urlPtr}, {@code urlLen} — the absolute {@code http(s)} URL, UTF-8; {@code
   * optsPtr}, {@code optsLen} — the options JSON {@code {"method":…, "headers":{…}, "body":…}}, all
   * fields optional; {@code (0, 0)} and {@code {}} both mean GET with no headers and no body.
   *
   * <p>Result: the packed {@code (ptr << 32) | len} of the response JSON, or 0 (never an error
   * document) when: Beam is not configured; the URL is not an absolute http(s) URL with a host and
   * no user info; the URL matches none of the flare's {@code allowed_fetch_urls} (logged); the
   * invocation has used its {@code max_fetch_requests} (every call past the allowlist counts); the
   * options are not a JSON object of the shape above; the fetch fails (DNS, connection refused,
   * TLS, timeout after the smaller of the node's request timeout and the flare's deadline, a body
   * over the node's cap); or the guest's {@code alloc} returns 0. Non-2xx answers, and 3xx
   * (redirects are not followed), are results, not failures.
   *
   * <p>Written into guest memory: UTF-8 JSON {@code {"status":200,"headers":{"content-type":
   * "text/plain"},"body":"hello"}} — status a bare integer, header names lowercased, repeated
   * headers joined with {@code ", "}, body decoded as UTF-8 with malformed bytes replaced.
   *
   * <p>See flaron-abi.md §3.3, §4.1, §8 decisions 9, 23.
   */
  @HostFunction("beam_fetch")
  long beamFetch(int urlPtr, int urlLen, int optsPtr, int optsLen) {
    context.services().metrics().hostCall(HostCall.BEAM);
    Guest guest = context.guest();
    String url = guest.readUtf8(urlPtr, urlLen);
    byte[] options = guest.read(optsPtr, optsLen);
    BeamClient beam = context.services().beam();
    Invocation invocation = context.invocation();
    FlareConfig flare = invocation.config();
    if (beam == null) {
      return 0;
    }
    Optional<URI> uri = FetchUrl.parse(url);
    if (uri.isEmpty()) {
      LOG.log(Level.DEBUG, "flare {0}: beam_fetch of a malformed or non-http(s) URL", flare.name());
      return 0;
    }
    if (!allowlist(flare).allows(url)) {
      LOG.log(
          Level.WARNING,
          "flare {0}: beam_fetch denied, not in allowed_fetch_urls: {1}",
          flare.name(),
          uri.get());
      return 0;
    }
    if (!invocation.limits().tryBeamFetch()) {
      LOG.log(Level.DEBUG, "flare {0}: beam_fetch over max_fetch_requests", flare.name());
      return 0;
    }
    BeamRequest request;
    try {
      request = BeamRequest.parse(options);
    } catch (IllegalArgumentException e) {
      LOG.log(
          Level.DEBUG, "flare {0}: beam_fetch options rejected: {1}", flare.name(), e.getMessage());
      return 0;
    }
    Optional<BeamResponse> response = beam.fetch(uri.get(), request, flare.limits().deadline());
    return response.map(r -> guest.write(r.toJson())).orElse(0L);
  }

  private UrlAllowlist allowlist(FlareConfig flare) {
    if (allowlist == null || allowlistSource != flare.allowedFetchUrls()) {
      allowlistSource = flare.allowedFetchUrls();
      allowlist = new UrlAllowlist(allowlistSource);
    }
    return allowlist;
  }
}
