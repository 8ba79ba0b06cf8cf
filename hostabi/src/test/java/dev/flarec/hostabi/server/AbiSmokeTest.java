package dev.flarec.hostabi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ABI smoke test ({@code examples/abi-smoke/abi-smoke.wat}): one request calls each of the 48
 * {@code flaron/v1} imports once. It links only if the host provides all 48 with the types of
 * flaron-abi.md §3.0, and answers one line per import, in table order.
 */
class AbiSmokeTest {
  private static final Path SMOKE = Path.of("../examples/abi-smoke/abi-smoke.wasm");

  /** The 48 imports in the order of flaron-abi.md §3.0. */
  private static final List<String> IMPORTS =
      List.of(
          "req_method",
          "req_url",
          "req_header_get",
          "req_body",
          "resp_set_status",
          "resp_header_set",
          "resp_body_set",
          "beam_fetch",
          "log_info",
          "log_warn",
          "log_error",
          "spark_get",
          "spark_set",
          "spark_delete",
          "spark_list",
          "spark_pull",
          "plasma_get",
          "plasma_set",
          "plasma_delete",
          "plasma_increment",
          "plasma_decrement",
          "plasma_list",
          "secret_get",
          "crypto_hash",
          "crypto_hmac",
          "crypto_sign_jwt",
          "crypto_encrypt_aes",
          "crypto_decrypt_aes",
          "crypto_random_bytes",
          "encoding_base64_encode",
          "encoding_base64_decode",
          "encoding_hex_encode",
          "encoding_hex_decode",
          "encoding_url_encode",
          "encoding_url_decode",
          "id_uuid",
          "id_ulid",
          "id_nanoid",
          "id_ksuid",
          "id_snowflake",
          "snowflake_id",
          "timestamp",
          "ws_send",
          "ws_close_conn",
          "ws_conn_id",
          "ws_event_type",
          "ws_event_data",
          "ws_close_code");

  @TempDir Path data;

  @Test
  void everyImportLinksAndAnswers() {
    // the first call of every import loads its host code (SQLite, BouncyCastle, ...): on a
    // loaded machine that took over the default 1 s deadline, which this test is not about
    try (RunningServer server =
        RunningServer.start(RunningServer.flare(SMOKE), data, "[flare]\ndeadline_ms = 30000\n")) {
      HttpResponse<String> r = server.get("/smoke");
      assertEquals(200, r.statusCode(), r.body());
      assertEquals("1", r.headers().firstValue("x-smoke").orElseThrow());
      List<String> lines = r.body().lines().toList();
      assertEquals(1 + 48, lines.size(), r.body());
      for (int i = 0; i < 48; i++) {
        assertTrue(lines.get(i + 1).startsWith(IMPORTS.get(i) + " "), lines.get(i + 1));
      }
      // a few whose answer the default configuration fixes
      assertTrue(lines.contains("req_method len=3"));
      assertTrue(lines.contains("req_body len=0"), "requires_body is off");
      assertTrue(lines.contains("crypto_hash len=64"), "a SHA-256 hex digest");
      assertTrue(lines.contains("id_uuid len=36"));
      assertTrue(lines.contains("timestamp len=20"));
      assertTrue(lines.contains("ws_send code=3"), "no WebSocket connection");
      assertTrue(lines.contains("ws_close_code code=0"));
    }
  }
}
