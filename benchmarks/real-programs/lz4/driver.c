/* Compresses and decompresses generated text with LZ4 (text.h): the fast compressor, then the high
 * compression one at levels 4 and 9, checking each round trip. It prints the sizes and a checksum
 * of each compressed stream for the high compression levels; the fast compressor's hash table
 * depends on the pointer size, so a 32-bit (Wasm) and a 64-bit (native) build compress it
 * differently, and for it only the checked round trip is printed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lz4.h"
#include "lz4hc.h"
#include "text.h"

enum { DATA_BYTES = 3 << 20 };

int main(void) {
  static const int levels[] = {0, 4, 9}; /* 0: the fast compressor */
  int capacity = LZ4_compressBound(DATA_BYTES);
  char *data = malloc(DATA_BYTES), *packed = malloc(capacity), *unpacked = malloc(DATA_BYTES);
  if (!data || !packed || !unpacked) return 1;
  generate_text(data, DATA_BYTES);
  for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++) {
    int level = levels[i];
    int packed_length = level == 0 ? LZ4_compress_default(data, packed, DATA_BYTES, capacity)
                                    : LZ4_compress_HC(data, packed, DATA_BYTES, capacity, level);
    int unpacked_length = LZ4_decompress_safe(packed, unpacked, packed_length, DATA_BYTES);
    if (packed_length <= 0 || unpacked_length != DATA_BYTES
        || memcmp(unpacked, data, DATA_BYTES) != 0) {
      fputs("lz4-driver: round trip differs\n", stderr);
      return 1;
    }
    if (level == 0) {
      printf("fast: input %d bytes, round trip ok\n", DATA_BYTES);
    } else {
      printf("level %d: input %d bytes, compressed %d bytes, checksum %08x, round trip ok\n", level,
             DATA_BYTES, packed_length, stream_checksum(packed, (size_t)packed_length));
    }
  }
  return 0;
}
