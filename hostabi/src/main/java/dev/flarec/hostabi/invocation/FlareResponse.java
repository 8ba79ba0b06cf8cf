package dev.flarec.hostabi.invocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The response a flare builds during one invocation through {@code resp_set_status}, {@code
 * resp_header_set} and {@code resp_body_set} (flaron-abi.md §3.2). Status 200 and an empty body
 * until set; headers overwrite case-insensitively and keep the casing of the last call. Whether the
 * status and body were set matters for Transform (decision 2), so that is recorded too.
 */
public final class FlareResponse {
  private static final byte[] EMPTY = new byte[0];

  private int status = 200;
  private boolean statusSet;
  // a flare sets a handful of headers: a list searched without regard to case costs less per
  // request than a map keyed by the lowercased name
  private final List<Header> headers = new ArrayList<>(4);
  private byte[] body = EMPTY;
  private boolean bodySet;

  /** One response header as the flare spelled it. */
  public record Header(String name, String value) {}

  public int status() {
    return status;
  }

  /** Whether the flare called {@code resp_set_status}. */
  public boolean statusSet() {
    return statusSet;
  }

  public void setStatus(int status) {
    this.status = status;
    this.statusSet = true;
  }

  /** Sets {@code name} to {@code value}, replacing any header of that name whatever its case. */
  public void setHeader(String name, String value) {
    // remove first so that the header takes the casing and position of the latest call
    int at = indexOf(name);
    if (at >= 0) {
      headers.remove(at);
    }
    headers.add(new Header(name, value));
  }

  /** The value of {@code name} (case-insensitive), or null. */
  public String header(String name) {
    int at = indexOf(name);
    return at < 0 ? null : headers.get(at).value();
  }

  private int indexOf(String name) {
    for (int i = 0; i < headers.size(); i++) {
      if (headers.get(i).name().equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The headers in the order they were (last) set: a read-only view, current as it changes. */
  public List<Header> headers() {
    return Collections.unmodifiableList(headers);
  }

  public byte[] body() {
    return body;
  }

  /** Whether the flare called {@code resp_body_set}. */
  public boolean bodySet() {
    return bodySet;
  }

  public void setBody(byte[] body) {
    this.body = body;
    this.bodySet = true;
  }
}
