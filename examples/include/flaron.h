/*
 * flaron.h — a small, freestanding C guest header for the flaron/v1 host ABI.
 *
 * Written for this project from docs in ../../shared/flaron-abi.md (§1–§4); it is not an SDK
 * and copies none. One flare = one translation unit that includes this header: the header
 * defines the exported `alloc` (a 256 KiB bump arena, §2.3) unless FLARON_NO_ALLOC is defined
 * before including it.
 *
 * Build (see examples/build.sh):
 *   clang-19 --target=wasm32 -O2 -nostdlib -mbulk-memory -I examples/include \
 *     -Wl,--no-entry -Wl,--export-memory -o flare.wasm flare.c
 *
 * Conventions used below:
 *   - every import is declared as `flaron_<import name>` (the Wasm field name keeps the ABI
 *     spelling, e.g. flaron_req_method imports "flaron/v1" "req_method");
 *   - string/byte arguments are (pointer, length) pairs: UTF-8, never NUL-terminated;
 *     an empty value is passed as (0, 0);
 *   - i64 results are "packed": (ptr << 32) | len, 0 meaning absent/empty/error (§2.2).
 *     Use flaron_unpack() to turn one into a flaron_bytes view of guest memory;
 *   - every entry point (handle_request, ws_open, ws_message, ws_close) must call
 *     flaron_reset() first: host results from earlier invocations are gone.
 */
#ifndef FLARON_H
#define FLARON_H

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------------------------ */
/* Import / export attributes                                                                 */
/* ------------------------------------------------------------------------------------------ */

#define FLARON_IMPORT(field) \
  __attribute__((import_module("flaron/v1"), import_name(#field)))

/* Exports a function under the given Wasm name: FLARON_EXPORT(handle_request) int64_t f(void) */
#define FLARON_EXPORT(field) __attribute__((export_name(#field), used))

/* ------------------------------------------------------------------------------------------ */
/* Action words returned by handle_request (§1.2): the action lives in the high 32 bits.       */
/* ------------------------------------------------------------------------------------------ */

#define FLARON_ACTION_RESPOND ((int64_t)1 << 32)     /* send the response built by resp_* */
#define FLARON_ACTION_TRANSFORM ((int64_t)2 << 32)   /* proxy to origin, overlay resp_* state */
#define FLARON_ACTION_PASSTHROUGH ((int64_t)3 << 32) /* proxy to origin untouched */

/* ------------------------------------------------------------------------------------------ */
/* Wire codes (§3.4, §3.5, §8 decision 21)                                                    */
/* ------------------------------------------------------------------------------------------ */

enum {
  FLARON_SPARK_OK = 0,
  FLARON_SPARK_INVALID_TTL = 1,
  FLARON_SPARK_TOO_LARGE = 2,
  FLARON_SPARK_WRITE_LIMIT = 3,
  FLARON_SPARK_QUOTA = 4,
  FLARON_SPARK_NOT_AVAILABLE = 5,
  FLARON_SPARK_INTERNAL = 6,
  FLARON_SPARK_READ_LIMIT = 7,
  FLARON_SPARK_BAD_KEY = 8,
  FLARON_SPARK_NO_CAPABILITY = 9
};

enum {
  FLARON_PLASMA_OK = 0,
  FLARON_PLASMA_NOT_AVAILABLE = 1,
  FLARON_PLASMA_WRITE_LIMIT = 2,
  FLARON_PLASMA_TOO_LARGE = 3,
  FLARON_PLASMA_BAD_KEY = 4,
  FLARON_PLASMA_NO_CAPABILITY = 5,
  FLARON_PLASMA_INTERNAL = 6
};

enum {
  FLARON_WS_OK = 0,
  FLARON_WS_SEND_LIMIT = 1,
  FLARON_WS_TOO_LARGE = 2,
  FLARON_WS_CLOSED = 3
};

/* ------------------------------------------------------------------------------------------ */
/* The 48 imports of flaron/v1 (§3.0), in table order                                         */
/* ------------------------------------------------------------------------------------------ */

/* Request (§3.1) */
FLARON_IMPORT(req_method) int64_t flaron_req_method(void);
FLARON_IMPORT(req_url) int64_t flaron_req_url(void);
FLARON_IMPORT(req_header_get) int64_t flaron_req_header_get(const char *name, int32_t name_len);
FLARON_IMPORT(req_body) int64_t flaron_req_body(void);

/* Response (§3.2) */
FLARON_IMPORT(resp_set_status) void flaron_resp_set_status(int32_t status);
FLARON_IMPORT(resp_header_set)
void flaron_resp_header_set(const char *name, int32_t name_len, const char *value,
                            int32_t value_len);
FLARON_IMPORT(resp_body_set) void flaron_resp_body_set(const void *body, int32_t body_len);

/* Beam: outbound HTTP (§3.3, §4.1) */
FLARON_IMPORT(beam_fetch)
int64_t flaron_beam_fetch(const char *url, int32_t url_len, const char *opts_json,
                          int32_t opts_len);

/* Logging (§3.11) */
FLARON_IMPORT(log_info) void flaron_log_info(const char *msg, int32_t msg_len);
FLARON_IMPORT(log_warn) void flaron_log_warn(const char *msg, int32_t msg_len);
FLARON_IMPORT(log_error) void flaron_log_error(const char *msg, int32_t msg_len);

/* Spark: per-edge KV with TTL (§3.4, §4.5) */
FLARON_IMPORT(spark_get) int64_t flaron_spark_get(const char *key, int32_t key_len);
FLARON_IMPORT(spark_set)
int32_t flaron_spark_set(const char *key, int32_t key_len, const void *value, int32_t value_len,
                         int32_t ttl_secs);
FLARON_IMPORT(spark_delete) void flaron_spark_delete(const char *key, int32_t key_len);
FLARON_IMPORT(spark_list) int64_t flaron_spark_list(void);
FLARON_IMPORT(spark_pull)
int32_t flaron_spark_pull(const char *origin_node, int32_t origin_len, const char *keys_json,
                          int32_t keys_len);

/* Plasma: replicated CRDT KV (§3.5) */
FLARON_IMPORT(plasma_get) int64_t flaron_plasma_get(const char *key, int32_t key_len);
FLARON_IMPORT(plasma_set)
int32_t flaron_plasma_set(const char *key, int32_t key_len, const void *value, int32_t value_len);
FLARON_IMPORT(plasma_delete) int32_t flaron_plasma_delete(const char *key, int32_t key_len);
FLARON_IMPORT(plasma_increment)
int64_t flaron_plasma_increment(const char *key, int32_t key_len, int64_t delta);
FLARON_IMPORT(plasma_decrement)
int64_t flaron_plasma_decrement(const char *key, int32_t key_len, int64_t delta);
FLARON_IMPORT(plasma_list) int64_t flaron_plasma_list(void);

/* Secrets (§3.6) */
FLARON_IMPORT(secret_get) int64_t flaron_secret_get(const char *name, int32_t name_len);

/* Crypto: JSON envelopes of §4.2 (§3.7) */
FLARON_IMPORT(crypto_hash) int64_t flaron_crypto_hash(const char *args_json, int32_t args_len);
FLARON_IMPORT(crypto_hmac) int64_t flaron_crypto_hmac(const char *args_json, int32_t args_len);
FLARON_IMPORT(crypto_sign_jwt)
int64_t flaron_crypto_sign_jwt(const char *args_json, int32_t args_len);
FLARON_IMPORT(crypto_encrypt_aes)
int64_t flaron_crypto_encrypt_aes(const char *args_json, int32_t args_len);
FLARON_IMPORT(crypto_decrypt_aes)
int64_t flaron_crypto_decrypt_aes(const char *args_json, int32_t args_len);
FLARON_IMPORT(crypto_random_bytes) int64_t flaron_crypto_random_bytes(int32_t length);

/* Encoding: raw bytes in, packed bytes out (§3.8) */
FLARON_IMPORT(encoding_base64_encode)
int64_t flaron_encoding_base64_encode(const void *data, int32_t data_len);
FLARON_IMPORT(encoding_base64_decode)
int64_t flaron_encoding_base64_decode(const void *data, int32_t data_len);
FLARON_IMPORT(encoding_hex_encode)
int64_t flaron_encoding_hex_encode(const void *data, int32_t data_len);
FLARON_IMPORT(encoding_hex_decode)
int64_t flaron_encoding_hex_decode(const void *data, int32_t data_len);
FLARON_IMPORT(encoding_url_encode)
int64_t flaron_encoding_url_encode(const void *data, int32_t data_len);
FLARON_IMPORT(encoding_url_decode)
int64_t flaron_encoding_url_decode(const void *data, int32_t data_len);

/* IDs (§3.9, §4.3) */
FLARON_IMPORT(id_uuid) int64_t flaron_id_uuid(const char *args_json, int32_t args_len);
FLARON_IMPORT(id_ulid) int64_t flaron_id_ulid(void);
FLARON_IMPORT(id_nanoid) int64_t flaron_id_nanoid(int32_t length);
FLARON_IMPORT(id_ksuid) int64_t flaron_id_ksuid(void);
FLARON_IMPORT(id_snowflake) int64_t flaron_id_snowflake(void);
FLARON_IMPORT(snowflake_id) int64_t flaron_snowflake_id(void);

/* Time (§3.10, §4.4) */
FLARON_IMPORT(timestamp) int64_t flaron_timestamp(const char *args_json, int32_t args_len);

/* WebSocket (§3.12) */
FLARON_IMPORT(ws_send) int32_t flaron_ws_send(const void *data, int32_t data_len);
FLARON_IMPORT(ws_close_conn) void flaron_ws_close_conn(int32_t code);
FLARON_IMPORT(ws_conn_id) int64_t flaron_ws_conn_id(void);
FLARON_IMPORT(ws_event_type) int64_t flaron_ws_event_type(void);
FLARON_IMPORT(ws_event_data) int64_t flaron_ws_event_data(void);
FLARON_IMPORT(ws_close_code) int32_t flaron_ws_close_code(void);

/* ------------------------------------------------------------------------------------------ */
/* Packed results (§2.2)                                                                      */
/* ------------------------------------------------------------------------------------------ */

/* A view of bytes the host wrote into guest memory; ptr == NULL and len == 0 when absent. */
typedef struct {
  const uint8_t *ptr;
  uint32_t len;
} flaron_bytes;

/* High 32 bits: the address in linear memory. */
static inline uint32_t flaron_packed_ptr(int64_t packed) {
  return (uint32_t)((uint64_t)packed >> 32);
}

/* Low 32 bits: the length in bytes. */
static inline uint32_t flaron_packed_len(int64_t packed) {
  return (uint32_t)((uint64_t)packed & 0xFFFFFFFFu);
}

/* Turns a packed result into a view; 0 (absent/empty/error) becomes {NULL, 0}. */
static inline flaron_bytes flaron_unpack(int64_t packed) {
  flaron_bytes b;
  uint32_t p = flaron_packed_ptr(packed);
  b.ptr = p == 0 ? (const uint8_t *)0 : (const uint8_t *)(uintptr_t)p;
  b.len = p == 0 ? 0 : flaron_packed_len(packed);
  return b;
}

/* ------------------------------------------------------------------------------------------ */
/* Small freestanding helpers (no libc)                                                       */
/* ------------------------------------------------------------------------------------------ */

/* A string literal as a (pointer, length) argument pair: flaron_log_info(FLARON_STR("hi")). */
#define FLARON_STR(literal) (literal), (int32_t)(sizeof(literal) - 1)

/* Length of a NUL-terminated string. */
static inline int32_t flaron_strlen(const char *s) {
  int32_t n = 0;
  while (s[n] != 0) {
    n++;
  }
  return n;
}

/* Copies n bytes; lowers to memory.copy with -mbulk-memory. */
static inline void flaron_copy(void *dst, const void *src, uint32_t n) {
  __builtin_memcpy(dst, src, n);
}

/* ------------------------------------------------------------------------------------------ */
/* The alloc arena (§2.3): 256 KiB, 8-byte aligned bumps, reset at every entry point           */
/* ------------------------------------------------------------------------------------------ */

#define FLARON_ARENA_SIZE (256 * 1024)

#ifndef FLARON_NO_ALLOC

static uint8_t flaron_arena[FLARON_ARENA_SIZE] __attribute__((aligned(8)));
/* Starts at 8: offset 0 stays unused so that no allocation ever has the address of the arena
 * base, and a pointer handed out is never confused with the 0 sentinel. */
static uint32_t flaron_arena_top = 8;

/* Called by the host to obtain space for a result; 0 when the value cannot be accepted. */
FLARON_EXPORT(alloc) void *alloc(int32_t size) {
  if (size <= 0) {
    return (void *)0;
  }
  uint32_t rounded = ((uint32_t)size + 7u) & ~7u;
  if (rounded < (uint32_t)size || rounded > FLARON_ARENA_SIZE - flaron_arena_top) {
    return (void *)0;
  }
  void *p = &flaron_arena[flaron_arena_top];
  flaron_arena_top += rounded;
  return p;
}

/* Forgets every allocation: call it first in every entry point. */
static inline void flaron_reset(void) { flaron_arena_top = 8; }

#endif /* FLARON_NO_ALLOC */

/* ------------------------------------------------------------------------------------------ */
/* Convenience wrappers                                                                       */
/* ------------------------------------------------------------------------------------------ */

/* Sets a response header from two NUL-terminated strings. */
static inline void flaron_set_header(const char *name, const char *value) {
  int32_t vlen = flaron_strlen(value);
  flaron_resp_header_set(name, flaron_strlen(name), vlen == 0 ? (const char *)0 : value, vlen);
}

/* Reads a request header by NUL-terminated name; {NULL, 0} when absent. */
static inline flaron_bytes flaron_header(const char *name) {
  return flaron_unpack(flaron_req_header_get(name, flaron_strlen(name)));
}

#ifdef __cplusplus
}
#endif

#endif /* FLARON_H */
