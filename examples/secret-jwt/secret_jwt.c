/*
 * secret-jwt — issues a signed JWT. The signing key never enters the flare: the flare names the
 * secret (JWT_SECRET) and the host signs with it, if the flare's configuration allows that secret
 * (flaron-abi.md §3.6, §3.7).
 *
 * Claims: "sub" from the `sub` query parameter (percent-decoded by the host; "anonymous" when
 * absent), "iss" = "flarec-example", and "iat"/"exp" as JSON numbers from the host clock
 * (issued now, valid for one hour). The token is HS256: {"alg":"HS256","typ":"JWT"}.
 *
 *   $ curl 'http://localhost:8080/token?sub=user-42'
 *   {"token":"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyLTQyIiwiaXNz...","expires_in":3600}
 *
 * When the host cannot sign (the secret is not in allowed_secrets or not configured) the flare
 * answers 500 with a short JSON error.
 */
#include "flaron_text.h"

#define LIFETIME_SECONDS 3600

/* A non-negative decimal as text. */
static void put_u64(text_builder *b, uint64_t v) {
  char digits[20];
  uint32_t n = 0;
  do {
    digits[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v != 0);
  while (n > 0) {
    text_put(b, &digits[--n], 1);
  }
}

/* The host clock in Unix seconds (timestamp {"format":"unix"}), or 0 if it gave none. */
static uint64_t unix_now(void) {
  static const char args[] = "{\"format\":\"unix\"}";
  flaron_bytes t = flaron_unpack(flaron_timestamp(args, sizeof args - 1));
  uint64_t v = 0;
  for (uint32_t i = 0; i < t.len && t.ptr[i] >= '0' && t.ptr[i] <= '9'; i++) {
    v = v * 10 + (uint64_t)(t.ptr[i] - '0');
  }
  return v;
}

static char envelope[2048];
static char out[2048];

static int64_t respond(int32_t status, const char *body, uint32_t len) {
  flaron_resp_set_status(status);
  flaron_set_header("Content-Type", "application/json");
  flaron_set_header("Cache-Control", "no-store");
  flaron_resp_body_set(body, (int32_t)len);
  return FLARON_ACTION_RESPOND;
}

FLARON_EXPORT(handle_request) int64_t handle_request(void) {
  flaron_reset();

  static const char anonymous[] = "anonymous";
  flaron_bytes sub = {(const uint8_t *)anonymous, sizeof anonymous - 1};
  flaron_bytes raw = url_query_param(flaron_unpack(flaron_req_url()), "sub");
  if (raw.len > 0) {
    flaron_bytes decoded = flaron_unpack(flaron_encoding_url_decode(raw.ptr, (int32_t)raw.len));
    if (decoded.len > 0 && decoded.len <= 256) {
      sub = decoded;
    }
  }
  uint64_t iat = unix_now();

  /* {"algorithm":"HS256","secret_key":"JWT_SECRET","claims":{...}}: the secret by name only. */
  text_builder e = {envelope, 0, sizeof envelope};
  text_put_str(&e, "{\"algorithm\":\"HS256\",\"secret_key\":\"JWT_SECRET\",\"claims\":{\"sub\":");
  text_put_json_string(&e, sub.ptr, sub.len);
  text_put_str(&e, ",\"iss\":\"flarec-example\",\"iat\":");
  put_u64(&e, iat);
  text_put_str(&e, ",\"exp\":");
  put_u64(&e, iat + LIFETIME_SECONDS);
  text_put_str(&e, "}}");

  flaron_bytes token = flaron_unpack(flaron_crypto_sign_jwt(envelope, (int32_t)e.len));
  if (token.len == 0) {
    flaron_log_error(FLARON_STR("secret-jwt: the host could not sign; is JWT_SECRET allowed and set?"));
    static const char error[] = "{\"error\":\"token signing is not configured\"}\n";
    return respond(500, error, sizeof error - 1);
  }

  text_builder b = {out, 0, sizeof out};
  text_put_str(&b, "{\"token\":\"");
  text_put(&b, token.ptr, token.len); /* base64url and dots: nothing to escape */
  text_put_str(&b, "\",\"expires_in\":");
  put_u64(&b, LIFETIME_SECONDS);
  text_put_str(&b, "}\n");
  return respond(200, out, b.len);
}
