package dev.flarec.benchmarks.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the flares answer, computed in plain Java: the reference for the request path. The bodies
 * are byte for byte the flares' (the benchmarks check it before timing).
 */
public final class PlainHandlers {
  /** hello.c's greeting. */
  static final String GREETING = "Hello from flarec! You sent ";

  /** hash.c's ROUNDS. */
  static final int HASH_ROUNDS = 64;

  private PlainHandlers() {}

  /** The body of examples/hello for a request. */
  public static byte[] helloBody(String method, String pathAndQuery) {
    return (GREETING + method + " " + pathAndQuery + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The body of flares/hash.c for a request: SHA-256 re-hashed 64 times, as JSON, with the JDK's
   * {@code MessageDigest} (the CPU's SHA instructions where it has them).
   */
  public static byte[] hashBody(String pathAndQuery) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    byte[] path = hashedPath(pathAndQuery);
    byte[] digest = sha.digest(path);
    for (int r = 1; r < HASH_ROUNDS; r++) {
      digest = sha.digest(digest);
    }
    return hashJson(path, digest);
  }

  /**
   * The same body with SHA-256 written out in Java ({@link PlainSha256}), as the flare writes it in
   * C: the same work, not just the same answer.
   */
  public static byte[] hashBodyInJava(String pathAndQuery) {
    byte[] path = hashedPath(pathAndQuery);
    byte[] digest = PlainSha256.digest(path, path.length);
    for (int r = 1; r < HASH_ROUNDS; r++) {
      digest = PlainSha256.digest(digest, digest.length);
    }
    return hashJson(path, digest);
  }

  /** The path and query as hash.c hashes it: UTF-8, at most 400 bytes. */
  private static byte[] hashedPath(String pathAndQuery) {
    byte[] path = pathAndQuery.getBytes(StandardCharsets.UTF_8);
    return path.length > 400 ? java.util.Arrays.copyOf(path, 400) : path;
  }

  private static byte[] hashJson(byte[] path, byte[] digest) {
    StringBuilder json = new StringBuilder("{\"path\":\"");
    for (byte b : path) {
      char c = (char) (b & 0xff);
      if (c == '"' || c == '\\') {
        json.append('\\');
      }
      json.append(c < 0x20 ? '?' : c);
    }
    json.append("\",\"rounds\":").append(HASH_ROUNDS).append(",\"sha256\":\"");
    json.append(HexFormat.of().formatHex(digest)).append("\"}\n");
    return json.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The response headers each flare sets. */
  static String contentType(String flare) {
    return flare.startsWith("hash") ? "application/json" : "text/plain; charset=utf-8";
  }
}
