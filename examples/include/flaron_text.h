/*
 * flaron_text.h — small text helpers the example flares share: a bounded string builder that
 * writes JSON strings, and the parts of a request URL (path, query parameter). Freestanding (no
 * libc), like flaron.h, which it needs.
 */
#ifndef FLARON_TEXT_H
#define FLARON_TEXT_H

#include "flaron.h"

/* A bounded string builder: appends clip at the capacity, so output stays well-formed up to its
 * last complete piece. */
typedef struct {
  char *buf;
  uint32_t len;
  uint32_t cap;
} text_builder;

static void text_put(text_builder *b, const void *src, uint32_t n) {
  if (n > b->cap - b->len) {
    n = b->cap - b->len;
  }
  if (n > 0) {
    flaron_copy(b->buf + b->len, src, n);
    b->len += n;
  }
}

static void text_put_str(text_builder *b, const char *s) {
  text_put(b, s, (uint32_t)flaron_strlen(s));
}

/* Bytes as a JSON string: quotes, backslash and control characters escaped (RFC 8259 §7). */
static void text_put_json_string(text_builder *b, const uint8_t *p, uint32_t n) {
  static const char hex[] = "0123456789abcdef";
  text_put(b, "\"", 1);
  for (uint32_t i = 0; i < n; i++) {
    uint8_t c = p[i];
    if (c == '"' || c == '\\') {
      char esc[2] = {'\\', (char)c};
      text_put(b, esc, 2);
    } else if (c < 0x20) {
      char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
      text_put(b, esc, 6);
    } else {
      text_put(b, &c, 1);
    }
  }
  text_put(b, "\"", 1);
}

/* The path (and query) of an absolute URL "scheme://host[:port]/path?query": "/" when empty. */
static flaron_bytes url_path(flaron_bytes url) {
  uint32_t i = 0;
  while (i + 2 < url.len && !(url.ptr[i] == ':' && url.ptr[i + 1] == '/' && url.ptr[i + 2] == '/')) {
    i++;
  }
  i = (i + 2 < url.len) ? i + 3 : 0;
  while (i < url.len && url.ptr[i] != '/') {
    i++;
  }
  flaron_bytes path = {url.ptr + i, url.len - i};
  if (path.len == 0) {
    path.ptr = (const uint8_t *)"/";
    path.len = 1;
  }
  return path;
}

/* The raw (still percent-encoded) value of query parameter `name` in a URL, or {0, 0}. */
static flaron_bytes url_query_param(flaron_bytes url, const char *name) {
  flaron_bytes none = {0, 0};
  uint32_t n = (uint32_t)flaron_strlen(name);
  uint32_t i = 0;
  while (i < url.len && url.ptr[i] != '?') {
    i++;
  }
  while (i < url.len) {
    i++; /* skip '?' or '&' */
    uint32_t start = i;
    while (i < url.len && url.ptr[i] != '&' && url.ptr[i] != '#') {
      i++;
    }
    uint32_t len = i - start;
    if (len > n && url.ptr[start + n] == '=') {
      uint32_t k = 0;
      while (k < n && url.ptr[start + k] == (uint8_t)name[k]) {
        k++;
      }
      if (k == n) {
        flaron_bytes v = {url.ptr + start + n + 1, len - n - 1};
        return v;
      }
    }
    if (i < url.len && url.ptr[i] == '#') {
      break;
    }
  }
  return none;
}

#endif
