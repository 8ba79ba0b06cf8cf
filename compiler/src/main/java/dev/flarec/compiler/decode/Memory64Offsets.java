package dev.flarec.compiler.decode;

import java.util.Map;

/**
 * The static offsets of 64-bit memory accesses that the parser cannot read. A memory64 memarg's
 * offset is a {@code u64} (up to 2^64 - 1, in up to ten LEB128 bytes); Endive 1.2.0 reads every
 * offset as a {@code u32}. {@link ModuleChecker} finds each access whose offset is 2^32 or more or
 * takes more than five bytes; the parser reads a copy of the module in which that offset is a
 * five-byte zero and the bytes it leaves over are {@code nop}s after the instruction, so no byte
 * offset moves; and the code generator looks the instruction up here for the real offset. See
 * docs/RATIONALE.md#why-memory64-modules-are-read-around-the-parser.
 *
 * @param offsets each such access's static offset (unsigned), by the byte offset of its instruction
 *     in the module
 */
public record Memory64Offsets(Map<Integer, Long> offsets) {
  public static final Memory64Offsets NONE = new Memory64Offsets(Map.of());

  public Memory64Offsets {
    offsets = Map.copyOf(offsets);
  }

  /**
   * The static offset of the access at byte offset {@code address}: its own where the parser saw a
   * rewritten one, else {@code parsed}, what the parser read.
   */
  public long offsetAt(int address, long parsed) {
    Long offset = offsets.get(address);
    return offset == null ? parsed : offset;
  }

  /**
   * A memarg offset the parser reads in place of the module's: at {@code instruction}, the LEB128
   * from {@code offsetAt} to {@code offsetEnd}, the instruction ending at {@code end} (a lane index
   * may follow the memarg), its value {@code value}.
   */
  record Site(int instruction, int offsetAt, int offsetEnd, int end, long value) {}

  private static final int U32_LENGTH = 5;
  private static final byte NOP = 0x01;

  /**
   * Rewrites each site in {@code copy}: the offset as a zero of five LEB128 bytes, then what
   * followed it in the instruction, then {@code nop}s up to the instruction's end.
   */
  static void rewrite(byte[] copy, Iterable<Site> sites) {
    for (Site site : sites) {
      byte[] rest = java.util.Arrays.copyOfRange(copy, site.offsetEnd(), site.end());
      int at = site.offsetAt();
      for (int i = 0; i < U32_LENGTH; i++) {
        copy[at++] = (byte) (i < U32_LENGTH - 1 ? 0x80 : 0x00);
      }
      System.arraycopy(rest, 0, copy, at, rest.length);
      java.util.Arrays.fill(copy, at + rest.length, site.end(), NOP);
    }
  }
}
