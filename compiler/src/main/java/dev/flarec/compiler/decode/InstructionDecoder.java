package dev.flarec.compiler.decode;

/**
 * Decodes one instruction of WebAssembly 2.0 (§5.4) at a time: its opcode and immediates, and
 * nothing about types. An opcode 2.0 does not have is malformed ("illegal opcode").
 */
final class InstructionDecoder {
  static final int BLOCK = 0x02;
  static final int LOOP = 0x03;
  static final int IF = 0x04;
  static final int ELSE = 0x05;
  static final int THROW = 0x08;
  static final int THROW_REF = 0x0A;
  static final int END = 0x0B;
  static final int BR = 0x0C;
  static final int BR_IF = 0x0D;
  static final int BR_TABLE = 0x0E;
  static final int CALL = 0x10;
  static final int CALL_INDIRECT = 0x11;
  static final int RETURN_CALL = 0x12;
  static final int RETURN_CALL_INDIRECT = 0x13;
  static final int CALL_REF = 0x14;
  static final int RETURN_CALL_REF = 0x15;
  static final int REF_AS_NON_NULL = 0xD4;
  static final int BR_ON_NULL = 0xD5;
  static final int BR_ON_NON_NULL = 0xD6;
  static final int SELECT_TYPED = 0x1C;
  static final int TRY_TABLE = 0x1F;
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
  static final int I32_ADD = 0x6A;
  static final int I32_SUB = 0x6B;
  static final int I32_MUL = 0x6C;
  static final int I64_ADD = 0x7C;
  static final int I64_SUB = 0x7D;
  static final int I64_MUL = 0x7E;
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

  /** SIMD instructions are numbered {@code 0xFD00 | subopcode}. */
  static final int SIMD = 0xFD00;

  /** WebAssembly 3.0's relaxed SIMD instructions: subopcodes {@code 0x100..0x113}. */
  static final int FIRST_RELAXED_SIMD = 0x100;

  static final int LAST_RELAXED_SIMD = 0x113;

  /**
   * Relaxed SIMD instructions are numbered {@code 0xFD0000 | subopcode}: their subopcodes need more
   * than the 8 bits {@link #SIMD} leaves.
   */
  static final int RELAXED_SIMD = 0xFD0000;

  static boolean isRelaxedSimd(int op) {
    return op >= (RELAXED_SIMD | FIRST_RELAXED_SIMD) && op <= (RELAXED_SIMD | LAST_RELAXED_SIMD);
  }

  /** The SIMD subopcodes 2.0 leaves unassigned. */
  private static final java.util.Set<Integer> SIMD_UNASSIGNED =
      java.util.Set.of(
          154, 162, 165, 166, 175, 176, 178, 179, 180, 187, 194, 197, 198, 207, 208, 210, 211, 212,
          226, 238);

  /** log2 of the natural alignment of each load and store, {@code 0x28..0x3E}. */
  private static final int[] NATURAL_ALIGNMENT = {
    2,
    3,
    2,
    3,
    0,
    0,
    1,
    1,
    0,
    0,
    1,
    1,
    2,
    2, // loads
    2,
    3,
    2,
    3,
    0,
    1,
    0,
    1,
    2 // stores
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

  /** try_table: the tag of each catch clause, -1 for catch_all and catch_all_ref. */
  int[] catchTags;

  /** SIMD lane instructions: the lane index; -1 for others. */
  int lane;

  /**
   * Memory instructions: the memory they name ({@code memory.copy}: the destination); 0 when the
   * encoding leaves it out.
   */
  long memory;

  /** {@code memory.copy}: the source memory. */
  long sourceMemory;

  /** Loads and stores: where the memarg's offset (its LEB128) starts and ends in the module. */
  int offsetAt;

  int offsetEnd;

  InstructionDecoder(ByteCursor in) {
    this.in = in;
  }

  static int naturalAlignment(int op) {
    return NATURAL_ALIGNMENT[op - FIRST_MEMORY_ACCESS];
  }

  /**
   * A block type: a type index, 0x40 or a one-byte value type as an s33, or a typed reference
   * ({@code 0x63}/{@code 0x64} and a heap type), which reads as the funcref or externref value type
   * it is at run time, marked by {@link #typedReferenceBlock}.
   */
  private long blockType() {
    typedReferenceBlock = false;
    int first = in.peek();
    if (first == 0x63 || first == 0x64) {
      typedReferenceBlock = true;
      return ValueTypes.read(in) - 0x80;
    }
    return in.signed(33);
  }

  /** True when the last block type read was a typed reference (more than one byte). */
  boolean typedReferenceBlock;

  /** Decodes the next instruction into the fields. */
  void next() {
    offset = in.position();
    int code = in.u8();
    op = code;
    a = 0;
    b = 0;
    labels = null;
    catchTags = null;
    lane = -1;
    memory = 0;
    sourceMemory = 0;
    switch (code) {
      case 0x00, 0x01, ELSE, END, 0x0F, 0x1A, 0x1B, 0xD1, REF_AS_NON_NULL, THROW_REF -> {}
      case BLOCK, LOOP, IF -> a = blockType();
      case THROW -> a = in.u32();
      case TRY_TABLE -> tryTable();
      case 0x06, 0x07, 0x09, 0x18, 0x19 ->
          throw in.unsupported(
              offset,
              String.format(
                  "legacy exception handling (try/catch/rethrow/delegate, opcode 0x%02x) is not"
                      + " part of WebAssembly 3.0; rebuild with exnref exception handling (clang"
                      + " -mllvm -wasm-use-legacy-eh=false, or wasm-opt --translate-to-exnref)",
                  code));
      case BR,
          BR_IF,
          CALL,
          LOCAL_GET,
          0x21,
          LOCAL_TEE,
          GLOBAL_GET,
          GLOBAL_SET,
          TABLE_GET,
          TABLE_SET,
          REF_FUNC,
          RETURN_CALL,
          CALL_REF,
          RETURN_CALL_REF,
          BR_ON_NULL,
          BR_ON_NON_NULL ->
          a = in.u32();
      case BR_TABLE -> {
        int n = in.count();
        labels = new int[n + 1];
        for (int i = 0; i <= n; i++) {
          labels[i] = in.index();
        }
      }
      case CALL_INDIRECT, RETURN_CALL_INDIRECT -> {
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
      case MEMORY_SIZE, MEMORY_GROW -> memory = in.u32();
      case I32_CONST -> a = in.signed(32);
      case I64_CONST -> a = in.signed(64);
      case F32_CONST -> in.skip(4);
      case F64_CONST -> in.skip(8);
      case REF_NULL -> a = ValueTypes.readHeapType(in);
      case 0xFC -> misc();
      case 0xFD -> simd();
      case UnsupportedFeatures.GC_PREFIX ->
          throw in.unsupported(offset, UnsupportedFeatures.gcInstruction(in.u32()));
      case UnsupportedFeatures.THREADS_PREFIX ->
          throw in.unsupported(offset, UnsupportedFeatures.threadsInstruction(in.u32()));
      case UnsupportedFeatures.REF_EQ ->
          throw in.unsupported(offset, "GC ref.eq (garbage collection is not supported yet)");
      default -> {
        if (code >= FIRST_MEMORY_ACCESS && code <= LAST_MEMORY_ACCESS) {
          memoryArgument();
        } else if (code < 0x45 || code > 0xC4) {
          throw in.malformed(offset, String.format("illegal opcode 0x%02x", code));
        }
      }
    }
  }

  /**
   * {@code try_table bt vec(catch)}: labels and tags into {@link #labels} and {@link #catchTags}.
   */
  private void tryTable() {
    a = blockType();
    b = in.position() - offset; // the length of opcode and block type, for the block type check
    int n = in.count();
    labels = new int[n];
    catchTags = new int[n];
    for (int i = 0; i < n; i++) {
      int at = in.position();
      int kind = in.u8();
      if (kind > 3) {
        throw in.malformed(at, String.format("malformed catch clause 0x%02x", kind));
      }
      catchTags[i] = kind < 2 ? in.index() : -1;
      labels[i] = in.index();
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
        memory = in.u32();
      }
      case DATA_DROP, ELEM_DROP, TABLE_GROW, TABLE_SIZE, TABLE_FILL -> a = in.u32();
      case MEMORY_COPY -> {
        memory = in.u32();
        sourceMemory = in.u32();
      }
      case MEMORY_FILL -> memory = in.u32();
      case TABLE_INIT, TABLE_COPY -> {
        a = in.u32();
        b = in.u32();
      }
      default -> {} // saturating truncations
    }
  }

  private void simd() {
    long sub = in.u32();
    if (sub >= FIRST_RELAXED_SIMD && sub <= LAST_RELAXED_SIMD) {
      op = RELAXED_SIMD | (int) sub; // no immediates
      return;
    }
    if (sub > 0xFF || SIMD_UNASSIGNED.contains((int) sub)) {
      throw in.malformed(offset, String.format("illegal opcode 0xfd %d", sub));
    }
    op = SIMD | (int) sub;
    if (simdNaturalAlignment(op) >= 0) {
      memoryArgument();
    }
    if (op == V128_CONST || op == I8X16_SHUFFLE) {
      int at = in.position();
      for (int i = 0; i < 16; i++) {
        int index = in.u8();
        if (op == I8X16_SHUFFLE && index >= 32) {
          throw in.invalid(at + i, "invalid lane index " + index);
        }
      }
    } else if (simdLaneCount(op) > 0) {
      int at = in.position();
      lane = in.u8();
      if (lane >= simdLaneCount(op)) {
        throw in.invalid(at, "invalid lane index " + lane);
      }
    }
  }

  static final int V128_STORE = SIMD | 11;
  static final int V128_CONST = SIMD | 12;
  static final int I8X16_SHUFFLE = SIMD | 13;

  /** log2 of the natural alignment of a SIMD load or store; -1 for other SIMD instructions. */
  static int simdNaturalAlignment(int op) {
    int sub = op - SIMD;
    return switch (sub) {
      case 0, 11 -> 4;
      case 1, 2, 3, 4, 5, 6, 10, 87, 91, 93 -> 3;
      case 9, 86, 90, 92 -> 2;
      case 8, 85, 89 -> 1;
      case 7, 84, 88 -> 0;
      default -> -1;
    };
  }

  /** The lanes a SIMD instruction's lane immediate indexes; 0 when it has none. */
  static int simdLaneCount(int op) {
    int sub = op - SIMD;
    return switch (sub) {
      case 21, 22, 23, 84, 88 -> 16;
      case 24, 25, 26, 85, 89 -> 8;
      case 27, 28, 31, 32, 86, 90 -> 4;
      case 29, 30, 33, 34, 87, 91 -> 2;
      default -> 0;
    };
  }

  /**
   * A memarg (§5.4.7 in 3.0): the alignment exponent, whose bit 6 says a memory index follows
   * (multiple memories), then the offset.
   */
  private void memoryArgument() {
    a = in.u32();
    if ((a & 0x40) != 0) {
      a &= ~0x40L;
      memory = in.u32();
    }
    offsetAt = in.position();
    b = in.u64(); // u32 for a 32-bit memory: BodyChecker checks it against the memory's type
    offsetEnd = in.position();
  }
}
