/* Compresses generated text (text.h) into the .xz format with liblzma at presets 1 and 6 (the
 * hash-chain and binary-tree match finders, the fast and the optimal parser), decompresses each
 * stream and checks the round trip, printing the compressed size and a checksum of the stream. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lzma.h>
#include "text.h"

enum { DATA_BYTES = 2 << 20 };

int main(void) {
  static const uint32_t presets[] = {1, 6};
  size_t capacity = lzma_stream_buffer_bound(DATA_BYTES);
  uint8_t *data = malloc(DATA_BYTES), *packed = malloc(capacity), *unpacked = malloc(DATA_BYTES);
  if (!data || !packed || !unpacked) return 1;
  generate_text((char *)data, DATA_BYTES);
  for (size_t i = 0; i < sizeof presets / sizeof presets[0]; i++) {
    size_t packed_length = 0, in_position = 0, out_position = 0;
    uint64_t memory_limit = UINT64_MAX;
    if (lzma_easy_buffer_encode(presets[i], LZMA_CHECK_CRC64, NULL, data, DATA_BYTES, packed,
                                &packed_length, capacity) != LZMA_OK) {
      fputs("xz-driver: compressing failed\n", stderr);
      return 1;
    }
    if (lzma_stream_buffer_decode(&memory_limit, 0, NULL, packed, &in_position, packed_length,
                                  unpacked, &out_position, DATA_BYTES) != LZMA_OK
        || out_position != DATA_BYTES || memcmp(unpacked, data, DATA_BYTES) != 0) {
      fputs("xz-driver: round trip differs\n", stderr);
      return 1;
    }
    printf("preset %u: input %d bytes, compressed %zu bytes, checksum %08x, round trip ok\n",
           (unsigned)presets[i], DATA_BYTES, packed_length,
           stream_checksum((const char *)packed, packed_length));
  }
  return 0;
}
