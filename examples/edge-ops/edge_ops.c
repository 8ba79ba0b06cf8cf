/*
 * edge-ops — a tour of the host's edge operations: encodings, hashing, IDs, time and random bytes.
 * It takes the text of the `text` query parameter (or "hello world"), runs it through every
 * encoding and two hashes, makes one ID of each kind, reads the clock, and answers with a JSON
 * summary of the results.
 *
 *   $ curl 'http://localhost:8080/?text=hello%20world'
 *   {"input":"hello world","base64":"aGVsbG8gd29ybGQ=","hex":"68656c6c6f20776f726c64",
 *    "url":"hello%20world","sha256":"b94d27b9...","blake3":"d74981ef...",
 *    "ids":{"uuid_v4":"…","uuid_v7":"…","ulid":"…","nanoid":"…","ksuid":"…","snowflake":"…"},
 *    "time":{"rfc3339":"2026-04-07T11:12:13Z","ms":"1775560333250","http":"Tue, 07 Apr 2026 …"},
 *    "random":"9f2c4e…"}
 *
 * Every host result is a packed (ptr << 32) | len in the guest's arena, or 0 when the host has
 * none (flaron-abi.md §2.2); a 0 here shows up as null in the summary.
 */
#include "flaron_text.h"

/* "name":"value" (or "name":null when the host returned 0), preceded by a comma unless first. */
static void field(text_builder *b, const char *name, int64_t packed, int first) {
  if (!first) {
    text_put(b, ",", 1);
  }
  text_put_json_string(b, (const uint8_t *)name, (uint32_t)flaron_strlen(name));
  text_put(b, ":", 1);
  flaron_bytes v = flaron_unpack(packed);
  if (v.ptr == 0) {
    text_put_str(b, "null");
  } else {
    text_put_json_string(b, v.ptr, v.len);
  }
}

/* ---- the request's `text` parameter -------------------------------------------------------- */

static const char DEFAULT_TEXT[] = "hello world";

/* ---- host calls with JSON envelopes -------------------------------------------------------- */

static char scratch[4096];

/* crypto_hash({"algorithm":<algorithm>,"input":<text>}) */
static int64_t hash(const char *algorithm, flaron_bytes text) {
  text_builder e = {scratch, 0, sizeof scratch};
  text_put_str(&e, "{\"algorithm\":\"");
  text_put_str(&e, algorithm);
  text_put_str(&e, "\",\"input\":");
  text_put_json_string(&e, text.ptr, text.len);
  text_put_str(&e, "}");
  return flaron_crypto_hash(scratch, (int32_t)e.len);
}

static int64_t timestamp(const char *envelope) {
  return flaron_timestamp(envelope, flaron_strlen(envelope));
}

static int64_t uuid(const char *envelope) { return flaron_id_uuid(envelope, flaron_strlen(envelope)); }

/* ---- the entry point ----------------------------------------------------------------------- */

static char out[8192];

FLARON_EXPORT(handle_request) int64_t handle_request(void) {
  flaron_reset();

  /* The input: ?text=... percent-decoded by the host, capped at 1 KiB; else the default. */
  flaron_bytes text = {(const uint8_t *)DEFAULT_TEXT, sizeof DEFAULT_TEXT - 1};
  flaron_bytes raw = url_query_param(flaron_unpack(flaron_req_url()), "text");
  if (raw.len > 0) {
    flaron_bytes decoded = flaron_unpack(flaron_encoding_url_decode(raw.ptr, (int32_t)raw.len));
    if (decoded.len > 0) {
      text = decoded;
    }
  }
  if (text.len > 1024) {
    text.len = 1024;
  }

  text_builder b = {out, 0, sizeof out};
  text_put_str(&b, "{");
  text_put_str(&b, "\"input\":");
  text_put_json_string(&b, text.ptr, text.len);
  field(&b, "base64", flaron_encoding_base64_encode(text.ptr, (int32_t)text.len), 0);
  field(&b, "hex", flaron_encoding_hex_encode(text.ptr, (int32_t)text.len), 0);
  field(&b, "url", flaron_encoding_url_encode(text.ptr, (int32_t)text.len), 0);
  field(&b, "sha256", hash("sha256", text), 0);
  field(&b, "blake3", hash("blake3", text), 0);

  text_put_str(&b, ",\"ids\":{");
  field(&b, "uuid_v4", uuid("{\"version\":\"v4\"}"), 1);
  field(&b, "uuid_v7", uuid("{\"version\":\"v7\"}"), 0);
  field(&b, "ulid", flaron_id_ulid(), 0);
  field(&b, "nanoid", flaron_id_nanoid(0), 0);
  field(&b, "ksuid", flaron_id_ksuid(), 0);
  field(&b, "snowflake", flaron_snowflake_id(), 0);
  text_put_str(&b, "}");

  text_put_str(&b, ",\"time\":{");
  field(&b, "rfc3339", timestamp("{\"format\":\"rfc3339\"}"), 1);
  field(&b, "ms", timestamp("{\"format\":\"ms\"}"), 0);
  field(&b, "http", timestamp("{\"format\":\"http\"}"), 0);
  text_put_str(&b, "}");

  field(&b, "random", flaron_crypto_random_bytes(8), 0);
  text_put_str(&b, "}\n");

  flaron_resp_set_status(200);
  flaron_set_header("Content-Type", "application/json");
  flaron_resp_body_set(out, (int32_t)b.len);
  return FLARON_ACTION_RESPOND;
}
