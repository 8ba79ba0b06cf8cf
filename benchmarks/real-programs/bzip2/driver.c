/* Compresses and decompresses generated data with libbzip2 (block size 9), checks the round trip
 * and prints the sizes and a checksum of the compressed stream. The data is text-like (text.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bzlib.h"
#include "text.h"

enum { DATA_BYTES = 1 << 20, ROUNDS = 1 };

/* libbzip2 built with BZ_NO_STDIO reports an internal inconsistency through this function */
void bz_internal_error(int code) {
  fprintf(stderr, "bzip2-driver: libbzip2 internal error %d\n", code);
  exit(3);
}

int main(void) {
  char *data = malloc(DATA_BYTES);
  unsigned int packed_capacity = DATA_BYTES + DATA_BYTES / 100 + 600;
  char *packed = malloc(packed_capacity);
  char *unpacked = malloc(DATA_BYTES);
  if (!data || !packed || !unpacked) return 1;
  generate_text(data, DATA_BYTES);

  unsigned int packed_length = 0;
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
  printf("input %u bytes, compressed %u bytes, checksum %08x, round trip ok\n", (unsigned int)DATA_BYTES,
         packed_length, stream_checksum(packed, packed_length));
  return 0;
}
