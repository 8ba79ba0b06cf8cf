package dev.flarec.compiler.decode;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes the parser is given, and the memory types it cannot read. Endive 1.2.0 knows multiple
 * memories but not memory64: it rejects limits flags 4 and 5 ("invalid memory limit: 4"). So a
 * module with a 64-bit memory reaches it with that memory's type written as a 32-bit one (flags 0
 * or 1, sizes capped at 65536 pages), every other byte unchanged; the real types, read here, are
 * what the descriptor and the emitter use. A module without 64-bit memories is passed as it is. See
 * docs/RATIONALE.md#why-memory64-modules-are-read-around-the-parser.
 */
final class ParserInput {
  private static final int IMPORT_SECTION = 2;
  private static final int TABLE_SECTION = 4;
  private static final int MEMORY_SECTION = 5;
  private static final int ELEMENT_SECTION = 9;
  private static final long PARSER_MAX_PAGES = 65_536;

  /** What a lowered table's limits are capped at: the descriptor takes the real ones. */
  private static final long PARSER_MAX_ELEMENTS = 10_000_000;

  private final byte[] module;
  private final List<ModuleDecoder.MemoryType> memories = new ArrayList<>();
  private final List<ModuleDecoder.MemoryType> tables = new ArrayList<>();

  /** Every table's element type as the binary encodes it, imported ones first. */
  private final List<byte[]> tableElementTypes = new ArrayList<>();

  private boolean anyMemory64;

  /** The module's shape, for the validation copy: parameter counts and table types. */
  private ModuleShape shape;

  /**
   * In the validation copy, the first of the scratch locals each function gets (SCRATCH_LOCALS).
   */
  private long scratch;

  /** True during the first pass, which records the types; the second only rewrites. */
  private boolean scanning;

  private ParserInput(byte[] module) {
    this.module = module;
  }

  /** Reads {@code module}, which {@link ModuleChecker} has already found well-formed. */
  static ParserInput of(byte[] module) {
    ParserInput input = new ParserInput(module);
    input.scan();
    return input;
  }

  /** Every memory's type, imported ones first, as the binary declares it. */
  List<ModuleDecoder.MemoryType> memories() {
    return memories;
  }

  /** Every table's type (its limits in elements), imported ones first. */
  List<ModuleDecoder.MemoryType> tables() {
    return tables;
  }

  /** True when the parser reads other bytes than the module's: a 64-bit memory or table. */
  boolean lowered() {
    return anyMemory64;
  }

  /** The bytes for the parser. */
  byte[] bytes() {
    if (!anyMemory64) {
      return module;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(module.length);
    out.write(module, 0, 8);
    ByteCursor in = new ByteCursor(module, 8);
    while (in.position() < module.length) {
      int start = in.position();
      int id = in.u8();
      long size = in.u32();
      int content = in.position();
      int end = content + (int) size;
      if (id == IMPORT_SECTION || id == MEMORY_SECTION || id == TABLE_SECTION) {
        byte[] lowered = lowerSection(id, content, end);
        out.write(id);
        writeU32(out, lowered.length, content - start - 1);
        out.write(lowered, 0, lowered.length);
      } else {
        out.write(module, start, end - start);
      }
      in.skip(end - content);
    }
    return out.toByteArray();
  }

  private static final int CODE_SECTION = 10;
  private static final int DATA_SECTION = 11;
  private static final int NOP = 0x01;

  /**
   * The bytes for the parser's validator: {@link #bytes()} with every instruction on a 64-bit
   * memory replaced by plain instructions of the same stack effect as the validator should see it
   * (a load of {@code i64.load} becomes {@code i64.clz}: i64 in, i64 out; {@code memory.fill}
   * becomes {@code i64.eqz i32.eq drop i64.eqz drop}, which checks its three operands' types). A
   * replacement shorter than the instruction is padded with {@code nop}s; a longer one moves the
   * bytes after it, so a type error after one in the same function is reported a few bytes off.
   */
  byte[] bytesForValidation(ModuleShape shape) {
    this.shape = shape;
    byte[] lowered = bytes();
    ByteArrayOutputStream out = new ByteArrayOutputStream(lowered.length + 64);
    out.write(lowered, 0, 8);
    ByteCursor in = new ByteCursor(lowered, 8);
    while (in.position() < lowered.length) {
      in.limit(lowered.length);
      int start = in.position();
      int id = in.u8();
      long size = in.u32();
      int content = in.position();
      int end = content + (int) size;
      if (id == CODE_SECTION) {
        byte[] code = retypeCode(lowered, in, end);
        out.write(id);
        writeU32(out, code.length, 1);
        out.write(code, 0, code.length);
      } else {
        if (id == DATA_SECTION) {
          retypeDataOffsets(lowered, in, end);
        } else if (id == ELEMENT_SECTION) {
          retypeElementOffsets(lowered, in, end);
        }
        out.write(lowered, start, end - start);
      }
      in.limit(lowered.length);
      in.skip(end - in.position());
    }
    return out.toByteArray();
  }

  private byte[] retypeCode(byte[] module, ByteCursor in, int sectionEnd) {
    in.limit(sectionEnd);
    ByteArrayOutputStream section = new ByteArrayOutputStream(sectionEnd - in.position());
    int n = (int) in.u32();
    writeU32(section, n, 1);
    InstructionDecoder ins = new InstructionDecoder(in);
    for (int f = 0; f < n; f++) {
      in.limit(sectionEnd);
      long size = in.u32();
      int bodyStart = in.position();
      int bodyEnd = bodyStart + (int) size;
      in.limit(bodyEnd);
      ByteArrayOutputStream body = new ByteArrayOutputStream((int) size + 16);
      int groups = (int) in.u32();
      long declared = 0;
      for (int g = 0; g < groups; g++) {
        declared += in.u32();
        ValueTypes.read(in);
      }
      int function = shape.importedFunctions + f;
      scratch = shape.types.get(shape.functions.get(function)).params().length + declared;
      writeU32(body, groups + SCRATCH_GROUPS + tableElementTypes.size(), 1);
      body.write(
          module, localsStart(module, bodyStart), in.position() - localsStart(module, bodyStart));
      body.write(SCRATCH_LOCALS, 0, SCRATCH_LOCALS.length);
      for (byte[] elementType : tableElementTypes) {
        body.write(1);
        body.write(elementType, 0, elementType.length);
      }
      int copied = in.position();
      while (in.position() < bodyEnd) {
        ins.next();
        byte[] replacement = replacement(module, ins, in.position());
        if (replacement != null) {
          body.write(module, copied, ins.offset - copied);
          body.write(replacement, 0, replacement.length);
          for (int i = replacement.length; i < in.position() - ins.offset; i++) {
            body.write(NOP);
          }
          copied = in.position();
        }
      }
      body.write(module, copied, bodyEnd - copied);
      writeU32(section, body.size(), 1);
      section.write(body.toByteArray(), 0, body.size());
    }
    return section.toByteArray();
  }

  /**
   * An active segment's offset into a 64-bit memory, {@code i64.const}, becomes an {@code i32.const
   * 0} of the same length for the validator, which sees the memory as a 32-bit one ({@link
   * ModuleChecker} has checked the real type). Offsets longer than five bytes or computed otherwise
   * are left, and such a module is reported invalid: a known gap.
   */
  private void retypeDataOffsets(byte[] out, ByteCursor in, int sectionEnd) {
    in.limit(sectionEnd);
    int n = (int) in.u32();
    InstructionDecoder ins = new InstructionDecoder(in);
    for (int i = 0; i < n; i++) {
      long flags = in.u32();
      if (flags != 1) {
        long memory = flags == 2 ? in.u32() : 0;
        int exprAt = in.position();
        ins.next();
        int length = in.position() - exprAt;
        if (is64(memory) && ins.op == InstructionDecoder.I64_CONST && length <= 6) {
          out[exprAt] = 0x41; // i32.const 0, padded
          for (int k = exprAt + 1; k < exprAt + length; k++) {
            out[k] = (byte) (k < exprAt + length - 1 ? 0x80 : 0x00);
          }
        }
        while (ins.op != InstructionDecoder.END) {
          ins.next();
        }
      }
      in.skip((int) in.u32());
    }
  }

  /** Where a body's local groups start: after the LEB128 count of groups at {@code bodyStart}. */
  private static int localsStart(byte[] module, int bodyStart) {
    int at = bodyStart;
    while ((module[at] & 0x80) != 0) {
      at++;
    }
    return at + 1;
  }

  /** An element segment's {@code i64.const} offset into a 64-bit table, as for data segments. */
  private void retypeElementOffsets(byte[] out, ByteCursor in, int sectionEnd) {
    in.limit(sectionEnd);
    int n = (int) in.u32();
    InstructionDecoder ins = new InstructionDecoder(in);
    for (int i = 0; i < n; i++) {
      long flags = in.u32();
      boolean expressions = (flags & 4) != 0;
      if ((flags & 1) == 0) {
        long table = (flags & 2) != 0 ? in.u32() : 0;
        int exprAt = in.position();
        ins.next();
        int length = in.position() - exprAt;
        if (shape.isTable64(table) && ins.op == InstructionDecoder.I64_CONST && length <= 6) {
          out[exprAt] = 0x41;
          for (int k = exprAt + 1; k < exprAt + length; k++) {
            out[k] = (byte) (k < exprAt + length - 1 ? 0x80 : 0x00);
          }
        }
        while (ins.op != InstructionDecoder.END) {
          ins.next();
        }
      }
      if ((flags & 3) != 0) {
        if (expressions) {
          ValueTypes.readReference(in);
        } else {
          in.u8();
        }
      }
      int items = (int) in.u32();
      for (int k = 0; k < items; k++) {
        if (expressions) {
          do {
            ins.next();
          } while (ins.op != InstructionDecoder.END);
        } else {
          in.u32();
        }
      }
    }
  }

  private boolean is64(long memory) {
    return memory < memories.size() && memories.get((int) memory).is64();
  }

  /**
   * What the validator sees instead of {@code ins}, the instruction in {@code module} that ends at
   * {@code end}, when it works on a 64-bit memory or table; null to keep it.
   */
  private byte[] replacement(byte[] module, InstructionDecoder ins, int end) {
    int op = ins.op;
    byte[] table = tableReplacement(module, ins, end);
    if (table != null) {
      return table;
    }
    if (op == InstructionDecoder.MEMORY_COPY) {
      boolean dst = is64(ins.memory);
      boolean src = is64(ins.sourceMemory);
      return copyReplacement(module, ins, end, dst, src);
    }
    if (!is64(ins.memory)) {
      return null;
    }
    if (InstructionDecoder.simdNaturalAlignment(op) >= 0) {
      // the instruction itself, its i64 address wrapped; a vector operand waits in a local
      return InstructionDecoder.simdLaneCount(op) > 0 || op == InstructionDecoder.V128_STORE
          ? narrowed(module, ins, end, false, Operand.WIDE, Operand.V128)
          : narrowed(module, ins, end, false, Operand.WIDE);
    }
    if (!isMemoryInstruction(op)) {
      return null;
    }
    if (op >= 0x28 && op <= 0x35) { // loads: [i64] -> [t]
      return switch (op) {
        case 0x28, 0x2C, 0x2D, 0x2E, 0x2F -> new byte[] {(byte) 0xA7}; // i32.wrap_i64
        case 0x2A -> new byte[] {(byte) 0xB4}; // f32.convert_i64_s
        case 0x2B -> new byte[] {(byte) 0xB9}; // f64.convert_i64_s
        default -> new byte[] {0x79}; // i64.clz
      };
    }
    if (op >= 0x36 && op <= 0x3E) { // stores: [i64 t] -> []
      return switch (op) {
        // i64.extend_i32_u, i64.eq, drop
        case 0x36, 0x3A, 0x3B -> new byte[] {(byte) 0xAD, 0x51, 0x1A};
        case 0x38 -> new byte[] {(byte) 0xAE, 0x51, 0x1A}; // i64.trunc_f32_s, i64.eq, drop
        case 0x39 -> new byte[] {(byte) 0xB0, 0x51, 0x1A}; // i64.trunc_f64_s, i64.eq, drop
        default -> new byte[] {0x51, 0x1A}; // i64.eq, drop
      };
    }
    return switch (op) {
      case InstructionDecoder.MEMORY_SIZE -> new byte[] {0x42, 0x00}; // i64.const 0
      case InstructionDecoder.MEMORY_GROW -> new byte[] {0x79}; // i64.clz
      // i64.eqz, i32.eq, drop, i64.eqz, drop: [i64 i32 i64] -> []
      case InstructionDecoder.MEMORY_FILL -> new byte[] {0x50, 0x46, 0x1A, 0x50, 0x1A};
      // i32.eq, drop, i64.eqz, drop: [i64 i32 i32] -> []
      case InstructionDecoder.MEMORY_INIT -> new byte[] {0x46, 0x1A, 0x50, 0x1A};
      default -> null;
    };
  }

  private static boolean isMemoryInstruction(int op) {
    return (op >= 0x28 && op <= 0x40)
        || op == InstructionDecoder.MEMORY_FILL
        || op == InstructionDecoder.MEMORY_INIT;
  }

  /**
   * What the validator sees instead of a table instruction on a 64-bit table: the instruction with
   * its i64 operands wrapped to i32, and an i64 result widened; null for other instructions.
   */
  private byte[] tableReplacement(byte[] module, InstructionDecoder ins, int end) {
    return switch (ins.op) {
      case InstructionDecoder.CALL_INDIRECT, InstructionDecoder.RETURN_CALL_INDIRECT ->
          shape.isTable64(ins.b) ? narrowed(module, ins, end, false, Operand.WIDE) : null;
      case InstructionDecoder.TABLE_GET ->
          shape.isTable64(ins.a) ? narrowed(module, ins, end, false, Operand.WIDE) : null;
      case InstructionDecoder.TABLE_SET ->
          shape.isTable64(ins.a)
              ? narrowed(module, ins, end, false, Operand.WIDE, Operand.REF)
              : null;
      case InstructionDecoder.TABLE_SIZE ->
          shape.isTable64(ins.a) ? narrowed(module, ins, end, true) : null;
      case InstructionDecoder.TABLE_GROW ->
          shape.isTable64(ins.a)
              ? narrowed(module, ins, end, true, Operand.REF, Operand.WIDE)
              : null;
      case InstructionDecoder.TABLE_FILL ->
          shape.isTable64(ins.a)
              ? narrowed(module, ins, end, false, Operand.WIDE, Operand.REF, Operand.WIDE)
              : null;
      case InstructionDecoder.TABLE_COPY ->
          copyReplacement(module, ins, end, shape.isTable64(ins.a), shape.isTable64(ins.b));
      case InstructionDecoder.TABLE_INIT ->
          shape.isTable64(ins.b)
              ? narrowed(module, ins, end, false, Operand.WIDE, Operand.NARROW, Operand.NARROW)
              : null;
      default -> null;
    };
  }

  /**
   * {@code table.copy} or {@code memory.copy} between a destination and a source either of which
   * may be 64-bit: each address is i64 where its table or memory is, the length only where both are
   * (3.0: the smaller of the two address types).
   */
  private byte[] copyReplacement(
      byte[] module, InstructionDecoder ins, int end, boolean dst64, boolean src64) {
    if (!dst64 && !src64) {
      return null;
    }
    return narrowed(
        module,
        ins,
        end,
        false,
        dst64 ? Operand.WIDE : Operand.NARROW,
        src64 ? Operand.WIDE : Operand.NARROW,
        dst64 && src64 ? Operand.WIDE : Operand.NARROW);
  }

  /** An operand of an instruction the validator sees narrowed, by its type in the real module. */
  private enum Operand {
    /** An i64 address or index of a 64-bit memory or table: wrapped to the i32 it is lowered to. */
    WIDE,
    /** An i32, kept. */
    NARROW,
    /** A reference of the instruction's table's element type. */
    REF,
    /** A v128. */
    V128
  }

  /**
   * The instruction {@code ins} (its bytes up to {@code end}, as the parser reads them) preceded by
   * code that wraps each {@link Operand#WIDE} operand to i32, and followed by an {@code
   * i64.extend_i32_u} when {@code widensResult}. {@code operands} are the instruction's topmost
   * operands, bottom first; those above the lowest wide one pass through the scratch locals while
   * it is wrapped, and come back in order. The validator thus checks the real instruction against
   * the real operand and result types.
   */
  private byte[] narrowed(
      byte[] module, InstructionDecoder ins, int end, boolean widensResult, Operand... operands) {
    Code code = new Code();
    int lowest = 0;
    while (lowest < operands.length && operands[lowest] != Operand.WIDE) {
      lowest++;
    }
    long[] parked = new long[operands.length];
    long nextI32 = scratch;
    for (int i = operands.length - 1; i > lowest; i--) {
      if (operands[i] == Operand.WIDE) {
        code.op(I32_WRAP_I64);
      }
      parked[i] =
          switch (operands[i]) {
            case WIDE, NARROW -> nextI32++;
            case REF -> refScratch(ins.a);
            case V128 -> scratch + V128_SCRATCH;
          };
      code.op(LOCAL_SET).index(parked[i]);
    }
    if (lowest < operands.length) {
      code.op(I32_WRAP_I64);
    }
    for (int i = lowest + 1; i < operands.length; i++) {
      code.op(LOCAL_GET).index(parked[i]);
    }
    code.copy(module, ins.offset, end);
    if (widensResult) {
      code.op(I64_EXTEND_I32_U);
    }
    return code.bytes();
  }

  private static final int I32_WRAP_I64 = 0xA7;
  private static final int I64_EXTEND_I32_U = 0xAD;
  private static final int LOCAL_GET = 0x20;
  private static final int LOCAL_SET = 0x21;

  /**
   * The scratch locals added to each function of the validation copy, after its own: two i32s and a
   * v128, as local groups; then one local of each table's element type (see {@link #refScratch}).
   */
  private static final byte[] SCRATCH_LOCALS = {2, 0x7F, 1, 0x7B};

  private static final int SCRATCH_GROUPS = 2;
  private static final int V128_SCRATCH = 2;
  private static final int TABLE_SCRATCH = 3;

  /**
   * The scratch local for an element of {@code table}: of the table's exact element type, so that a
   * typed reference such as {@code (ref null $t)} or {@code (ref $t)} reaches the instruction as
   * the type it had, not as a {@code funcref} the table would refuse. A non-nullable one is set
   * just before it is read, which the validator accepts.
   */
  private long refScratch(long table) {
    return scratch + TABLE_SCRATCH + table;
  }

  /** A short run of instructions, written an opcode or an immediate at a time. */
  private static final class Code {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(16);

    Code op(int opcode) {
      out.write(opcode);
      return this;
    }

    /** An index immediate, as LEB128. */
    Code index(long value) {
      writeU32(out, value, 1);
      return this;
    }

    /** Bytes of the module as they are. */
    Code copy(byte[] module, int from, int to) {
      out.write(module, from, to - from);
      return this;
    }

    byte[] bytes() {
      return out.toByteArray();
    }
  }

  private void scan() {
    scanning = true;
    ByteCursor in = new ByteCursor(module, 8);
    while (in.position() < module.length) {
      int id = in.u8();
      long size = in.u32();
      int content = in.position();
      int end = content + (int) size;
      if (id == IMPORT_SECTION || id == MEMORY_SECTION || id == TABLE_SECTION) {
        lowerSection(id, content, end);
      }
      in.limit(module.length);
      in.skip(end - in.position());
    }
    scanning = false;
  }

  /**
   * The section's content with every memory type written as a 32-bit one; records the real types in
   * {@link #memories} while {@link #scanning}.
   */
  private byte[] lowerSection(int id, int content, int end) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(end - content);
    ByteCursor in = new ByteCursor(module, content);
    in.limit(end);
    int copied = content;
    int n = (int) in.u32();
    for (int i = 0; i < n; i++) {
      boolean table = id == TABLE_SECTION;
      if (id == IMPORT_SECTION) {
        in.name();
        in.name();
        int kind = in.u8();
        switch (kind) {
          case 0 -> in.u32();
          case 1 -> table = true;
          case 3 -> {
            ValueTypes.read(in);
            in.u8();
          }
          case 4 -> { // a tag (exception handling): attribute, type index
            in.u8();
            in.u32();
          }
          default -> {}
        }
        if (kind != 1 && kind != 2) {
          continue;
        }
      }
      boolean initialiser = false;
      if (table) {
        if (id == TABLE_SECTION && in.peek() == 0x40) { // 3.0: 0x40 0x00, type, initialiser
          in.u8();
          in.u8();
          initialiser = true;
        }
        int typeAt = in.position();
        ValueTypes.readReference(in);
        if (scanning) {
          tableElementTypes.add(Arrays.copyOfRange(module, typeAt, in.position()));
        }
      }
      int at = in.position();
      out.write(module, copied, at - copied);
      int flags = in.u8();
      boolean is64 = flags >= 4;
      int minAt = in.position();
      long min = is64 ? in.u64() : in.u32();
      int maxAt = in.position();
      boolean hasMax = (flags & 1) != 0;
      long max = hasMax ? (is64 ? in.u64() : in.u32()) : -1;
      if (scanning) {
        // a maximum of 2^64 - 1 (-1 here) is as good as none: no table or memory reaches it
        (table ? tables : memories).add(new ModuleDecoder.MemoryType(is64, min, max));
      }
      anyMemory64 |= is64;
      long cap = table ? (is64 ? PARSER_MAX_ELEMENTS : 0xFFFF_FFFFL) : PARSER_MAX_PAGES;
      out.write(flags & 1);
      writeU32(out, Long.compareUnsigned(min, cap) > 0 ? cap : min, maxAt - minAt);
      if (hasMax) {
        writeU32(out, Long.compareUnsigned(max, cap) > 0 ? cap : max, in.position() - maxAt);
      }
      copied = in.position();
      if (initialiser) {
        InstructionDecoder ins = new InstructionDecoder(in);
        do {
          ins.next();
        } while (ins.op != InstructionDecoder.END);
      }
    }
    out.write(module, copied, end - copied);
    return out.toByteArray();
  }

  /**
   * Writes {@code value} as LEB128 in {@code length} bytes when it fits a u32's five (padding with
   * continuation bytes), so that the section keeps its size and every later byte its offset: the
   * positions the parser reports are then the module's own.
   */
  private static void writeU32(ByteArrayOutputStream out, long value, int length) {
    int bytes = Math.min(length, 5);
    for (int i = 0; ; i++) {
      int b = (int) (value & 0x7F);
      value >>>= 7;
      if (value != 0 || i < bytes - 1) {
        out.write(b | 0x80);
      } else {
        out.write(b);
        return;
      }
    }
  }
}
