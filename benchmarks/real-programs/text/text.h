/* What the compression programs share: generated text (words drawn from a small vocabulary by a
 * fixed pseudo-random sequence, with a number now and then, so that it compresses like prose does;
 * the same bytes on every engine and build) and the checksum they print of a compressed stream. */
#ifndef FLAREC_CORPUS_TEXT_H
#define FLAREC_CORPUS_TEXT_H
#include <stdio.h>

static unsigned int next_random(unsigned int *state) {
  *state = *state * 1103515245u + 12345u;
  return *state >> 8;
}

static void generate_text(char *data, unsigned int length) {
  static const char *const words[] = {
      "the", "wasm", "module", "compiles", "to", "bytecode", "and", "runs", "on", "a",
      "virtual", "machine", "with", "linear", "memory", "tables", "functions", "of", "every",
      "size", "traps", "when", "out", "bounds", "stack", "locals", "globals", "imports"};
  unsigned int state = 20240601u, at = 0;
  while (at < length) {
    const char *word = words[next_random(&state) % (sizeof words / sizeof words[0])];
    for (const char *c = word; *c && at < length; c++) data[at++] = *c;
    if (at < length) data[at++] = next_random(&state) % 11 == 0 ? '\n' : ' ';
    // a number now and then; room for five digits, a space and sprintf's terminator
    if (next_random(&state) % 97 == 0 && length - at > 7) {
      at += (unsigned int)sprintf(data + at, "%u ", next_random(&state) % 100000);
    }
  }
}

/* A checksum of a compressed stream, printed so that every engine must produce the same bytes. */
static unsigned int stream_checksum(const char *bytes, size_t length) {
  unsigned int sum = 0;
  for (size_t k = 0; k < length; k++) sum = sum * 33u + (unsigned char)bytes[k];
  return sum;
}

#endif
