package dev.flarec.compiler.decode;

import java.util.Map;

/**
 * Where a module uses WebAssembly 3.0's relaxed SIMD instructions ({@code 0xFD 0x100..0x113}),
 * which the parser does not know. {@link ModuleChecker} finds them; the parser then reads a copy of
 * the module in which each is replaced by a 2.0 SIMD instruction of the same stack effect and
 * encoded length (its <em>carrier</em>), so that it decodes and type-checks the code as it is; and
 * the code generator looks the byte offset up here to emit the relaxed instruction, not the
 * carrier.
 *
 * @param subopcodes each relaxed instruction's subopcode, by the byte offset of its {@code 0xFD}
 *     prefix in the module
 */
public record RelaxedSimdSites(Map<Integer, Integer> subopcodes) {
  public static final RelaxedSimdSites NONE = new RelaxedSimdSites(Map.of());

  public RelaxedSimdSites {
    subopcodes = Map.copyOf(subopcodes);
  }

  /** The relaxed subopcode at byte offset {@code address}, or -1 if none is there. */
  public int subopcodeAt(int address) {
    Integer sub = subopcodes.get(address);
    return sub == null ? -1 : sub;
  }

  private static final int I8X16_SWIZZLE = 0x0E;
  private static final int I8X16_ABS = 0x60;
  private static final int V128_BITSELECT = 0x52;

  /** The 2.0 instruction the parser sees instead: one of the same operand and result types. */
  static int carrier(int subopcode) {
    return switch (subopcode) {
      case 0x101, 0x102, 0x103, 0x104 -> I8X16_ABS; // v128 -> v128
      case 0x105, 0x106, 0x107, 0x108, 0x109, 0x10A, 0x10B, 0x10C, 0x113 ->
          V128_BITSELECT; // v128 v128 v128 -> v128
      default -> I8X16_SWIZZLE; // v128 v128 -> v128
    };
  }

  /** A copy of {@code bytes} with every relaxed instruction replaced by its carrier. */
  byte[] withCarriers(byte[] bytes) {
    byte[] copy = bytes.clone();
    for (Map.Entry<Integer, Integer> site : subopcodes.entrySet()) {
      int at = site.getKey() + 1; // past the 0xFD prefix
      int length = 1;
      while ((copy[at + length - 1] & 0x80) != 0) {
        length++;
      }
      // the same number of LEB128 bytes (padded with continuation bytes), so no offset moves
      int value = carrier(site.getValue());
      for (int i = 0; i < length - 1; i++) {
        copy[at + i] = (byte) ((value & 0x7F) | 0x80);
        value >>>= 7;
      }
      copy[at + length - 1] = (byte) (value & 0x7F);
    }
    return copy;
  }
}
