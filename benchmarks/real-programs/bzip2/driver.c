/* Compresses and decompresses generated data with libbzip2 (block size 9), checks the round trip
 * and prints the sizes and a checksum of the compressed stream. The data is text-like: words drawn
 * from a small vocabulary by a fixed pseudo-random sequence, so it compresses like prose does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bzlib.h"

enum { DATA_BYTES = 1 << 20, ROUNDS = 1 };

/* libbzip2 built with BZ_NO_STDIO reports an internal inconsistency through this function */
void bz_internal_error(int code) {
  fprintf(stderr, "bzip2-driver: libbzip2 internal error %d\n", code);
  exit(3);
}

static unsigned int next_random(unsigned int *state) {
  *state = *state * 1103515245u + 12345u;
  return *state >> 8;
}

static void generate(char *data, unsigned int length) {
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

int main(void) {
  char *data = malloc(DATA_BYTES);
  unsigned int packed_capacity = DATA_BYTES + DATA_BYTES / 100 + 600;
  char *packed = malloc(packed_capacity);
  char *unpacked = malloc(DATA_BYTES);
  if (!data || !packed || !unpacked) return 1;
  generate(data, DATA_BYTES);

  unsigned int packed_length = 0, checksum = 0;
  for (int round = 0; round < ROUNDS; round++) {
    packed_length = packed_capacity;
    if (BZ2_bzBuffToBuffCompress(packed, &packed_length, data, DATA_BYTES, 9, 0, 0) != BZ_OK) {
      fputs("bzip2-driver: compression failed\n", stderr);
      return 1;
    }
    unsigned int unpacked_length = DATA_BYTES;
    if (BZ2_bzBuffToBuffDecompress(unpacked, &unpacked_length, packed, packed_length, 0, 0) != BZ_OK
        || unpacked_length != DATA_BYTES || memcmp(unpacked, data, DATA_BYTES) != 0) {
      fputs("bzip2-driver: round trip differs\n", stderr);
      return 1;
    }
  }
  for (unsigned int i = 0; i < packed_length; i++) checksum = checksum * 33u + (unsigned char)packed[i];
  printf("input %u bytes, compressed %u bytes, checksum %08x, round trip ok\n", (unsigned int)DATA_BYTES,
         packed_length, checksum);
  return 0;
}
