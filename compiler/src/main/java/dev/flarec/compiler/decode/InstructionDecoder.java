package dev.flarec.compiler.decode;

/**
 * Decodes one instruction of WebAssembly 2.0 (§5.4) at a time: its opcode and immediates, and
 * nothing about types. An opcode 2.0 does not have is malformed ("illegal opcode"); SIMD, which
 * 2.0 has but flarec does not compile yet, is unsupported.
 */
final class InstructionDecoder {
  static final int BLOCK = 0x02;
  static final int LOOP = 0x03;
  static final int IF = 0x04;
  static final int ELSE = 0x05;
  static final int END = 0x0B;
  static final int BR = 0x0C;
  static final int BR_IF = 0x0D;
  static final int BR_TABLE = 0x0E;
  static final int CALL = 0x10;
  static final int CALL_INDIRECT = 0x11;
  static final int SELECT_TYPED = 0x1C;
  static final int LOCAL_GET = 0x20;
  static final int LOCAL_TEE = 0x22;
  static final int GLOBAL_GET = 0x23;
  static final int GLOBAL_SET = 0x24;
  static final int TABLE_GET = 0x25;
  static final int TABLE_SET = 0x26;
  static final int FIRST_MEMORY_ACCESS = 0x28;
  static final int LAST_MEMORY_ACCESS = 0x3E;
  static final int MEMORY_SIZE = 0x3F;
  static final int MEMORY_GROW = 0x40;
  static final int I32_CONST = 0x41;
  static final int I64_CONST = 0x42;
  static final int F32_CONST = 0x43;
  static final int F64_CONST = 0x44;
  static final int REF_NULL = 0xD0;
  static final int REF_FUNC = 0xD2;
  /** Prefixed instructions are numbered {@code 0xFC00 | subopcode}. */
  static final int MISC = 0xFC00;
  static final int MEMORY_INIT = MISC | 8;
  static final int DATA_DROP = MISC | 9;
  static final int MEMORY_COPY = MISC | 10;
  static final int MEMORY_FILL = MISC | 11;
  static final int TABLE_INIT = MISC | 12;
  static final int ELEM_DROP = MISC | 13;
  static final int TABLE_COPY = MISC | 14;
  static final int TABLE_GROW = MISC | 15;
  static final int TABLE_SIZE = MISC | 16;
  static final int TABLE_FILL = MISC | 17;

  /** log2 of the natural alignment of each load and store, {@code 0x28..0x3E}. */
  private static final int[] NATURAL_ALIGNMENT = {
    2, 3, 2, 3, 0, 0, 1, 1, 0, 0, 1, 1, 2, 2, // loads
    2, 3, 2, 3, 0, 1, 0, 1, 2 // stores
  };

  private final ByteCursor in;

  /** The instruction just decoded. */
  int op;

  int offset;
  /** First and second immediate: an index, a label, a block type, an alignment, a constant. */
  long a;

  long b;
  /** br_table: the labels, the default last. */
  int[] labels;

  InstructionDecoder(ByteCursor in) {
    this.in = in;
  }

  static int naturalAlignment(int op) {
    return NATURAL_ALIGNMENT[op - FIRST_MEMORY_ACCESS];
  }

  /** Decodes the next instruction into the fields. */
  void next() {
    offset = in.position();
    int code = in.u8();
    op = code;
    a = 0;
    b = 0;
    labels = null;
    switch (code) {
      case 0x00, 0x01, ELSE, END, 0x0F, 0x1A, 0x1B, 0xD1 -> {}
      case BLOCK, LOOP, IF -> a = in.signed(33);
      case BR, BR_IF, CALL, LOCAL_GET, 0x21, LOCAL_TEE, GLOBAL_GET, GLOBAL_SET, TABLE_GET, TABLE_SET, REF_FUNC ->
          a = in.u32();
      case BR_TABLE -> {
        int n = in.count();
        labels = new int[n + 1];
        for (int i = 0; i <= n; i++) {
          labels[i] = in.index();
        }
      }
      case CALL_INDIRECT -> {
        a = in.u32();
        b = in.u32();
      }
      case SELECT_TYPED -> {
        int n = in.count();
        labels = new int[n];
        for (int i = 0; i < n; i++) {
          labels[i] = ValueTypes.read(in);
        }
      }
      case MEMORY_SIZE, MEMORY_GROW -> zeroByte();
      case I32_CONST -> a = in.signed(32);
      case I64_CONST -> a = in.signed(64);
      case F32_CONST -> in.skip(4);
      case F64_CONST -> in.skip(8);
      case REF_NULL -> a = ValueTypes.readReference(in);
      case 0xFC -> misc();
      case 0xFD -> {
        long sub = in.u32();
        throw in.unsupported(offset, String.format("SIMD instruction 0xfd %d is not compiled yet", sub));
      }
      default -> {
        if (code >= FIRST_MEMORY_ACCESS && code <= LAST_MEMORY_ACCESS) {
          a = in.u32(); // alignment
          b = in.u32(); // offset
        } else if (code < 0x45 || code > 0xC4) {
          throw in.malformed(offset, String.format("illegal opcode 0x%02x", code));
        }
      }
    }
  }

  private void misc() {
    long sub = in.u32();
    if (sub > 17) {
      throw in.malformed(offset, String.format("illegal opcode 0xfc %d", sub));
    }
    op = MISC | (int) sub;
    switch (op) {
      case MEMORY_INIT -> {
        a = in.u32();
        zeroByte();
      }
      case DATA_DROP, ELEM_DROP, TABLE_GROW, TABLE_SIZE, TABLE_FILL -> a = in.u32();
      case MEMORY_COPY -> {
        zeroByte();
        zeroByte();
      }
      case MEMORY_FILL -> zeroByte();
      case TABLE_INIT, TABLE_COPY -> {
        a = in.u32();
        b = in.u32();
      }
      default -> {} // saturating truncations
    }
  }

  /** 2.0 has one memory; its index is a reserved zero byte, not a LEB128 number. */
  private void zeroByte() {
    int at = in.position();
    if (in.u8() != 0) {
      throw in.malformed(at, "zero byte expected");
    }
  }
}
