package dev.flarec.benchmarks.request;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * A GET request without a body, as {@code wrk} sends it in benchmarks/wrk/load-test.sh, for a
 * handler called in process: no socket, the response's status, headers and body kept here.
 */
final class FakeExchange extends HttpExchange {
  private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40000);
  private static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 8080);

  private final URI uri;
  private final Headers requestHeaders = new Headers();
  private final Headers responseHeaders = new Headers();
  private final InputStream requestBody = new ByteArrayInputStream(new byte[0]);
  private final ByteArrayOutputStream responseBody = new ByteArrayOutputStream(64);
  private final Map<String, Object> attributes = new HashMap<>();
  private int status;

  FakeExchange(String pathAndQuery) {
    this.uri = URI.create(pathAndQuery);
    requestHeaders.add("Host", "127.0.0.1:8080");
    requestHeaders.add("User-Agent", "wrk");
    requestHeaders.add("Accept", "*/*");
  }

  int status() {
    return status;
  }

  byte[] body() {
    return responseBody.toByteArray();
  }

  @Override
  public Headers getRequestHeaders() {
    return requestHeaders;
  }

  @Override
  public Headers getResponseHeaders() {
    return responseHeaders;
  }

  @Override
  public URI getRequestURI() {
    return uri;
  }

  @Override
  public String getRequestMethod() {
    return "GET";
  }

  @Override
  public HttpContext getHttpContext() {
    return null;
  }

  @Override
  public void close() {}

  @Override
  public InputStream getRequestBody() {
    return requestBody;
  }

  @Override
  public OutputStream getResponseBody() {
    return responseBody;
  }

  @Override
  public void sendResponseHeaders(int rCode, long responseLength) {
    this.status = rCode;
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return CLIENT;
  }

  @Override
  public int getResponseCode() {
    return status;
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return SERVER;
  }

  @Override
  public String getProtocol() {
    return "HTTP/1.1";
  }

  @Override
  public Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public void setAttribute(String name, Object value) {
    attributes.put(name, value);
  }

  @Override
  public void setStreams(InputStream i, OutputStream o) {
    throw new UnsupportedOperationException();
  }

  @Override
  public HttpPrincipal getPrincipal() {
    return null;
  }
}
