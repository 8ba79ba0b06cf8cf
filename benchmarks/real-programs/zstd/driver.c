/* Compresses and decompresses generated text with libzstd at three levels (1 and 3, the fast
 * strategies; 9, a lazy match finder with row hashes), checks each round trip and prints the
 * compressed sizes and a checksum of each compressed stream. The data is text-like (text.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "text.h"
#include "zstd.h"

enum { DATA_BYTES = 2 << 20 };

int main(void) {
  static const int levels[] = {1, 3, 9};
  size_t capacity = ZSTD_compressBound(DATA_BYTES);
  char *data = malloc(DATA_BYTES), *packed = malloc(capacity), *unpacked = malloc(DATA_BYTES);
  if (!data || !packed || !unpacked) return 1;
  generate_text(data, DATA_BYTES);
  for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++) {
    size_t packed_length = ZSTD_compress(packed, capacity, data, DATA_BYTES, levels[i]);
    if (ZSTD_isError(packed_length)) {
      fprintf(stderr, "zstd-driver: %s\n", ZSTD_getErrorName(packed_length));
      return 1;
    }
    size_t unpacked_length = ZSTD_decompress(unpacked, DATA_BYTES, packed, packed_length);
    if (ZSTD_isError(unpacked_length) || unpacked_length != DATA_BYTES
        || memcmp(unpacked, data, DATA_BYTES) != 0) {
      fputs("zstd-driver: round trip differs\n", stderr);
      return 1;
    }
    printf("level %d: input %u bytes, compressed %zu bytes, checksum %08x, round trip ok\n", levels[i],
           (unsigned int)DATA_BYTES, packed_length, stream_checksum(packed, packed_length));
  }
  return 0;
}
