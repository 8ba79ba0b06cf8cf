package dev.flarec.compiler.decode;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
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
  private static final int MEMORY_SECTION = 5;
  private static final long PARSER_MAX_PAGES = 65_536;

  private final byte[] module;
  private final List<ModuleDecoder.MemoryType> memories = new ArrayList<>();
  private boolean anyMemory64;

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

  /** True when the parser reads other bytes than the module's: it has a 64-bit memory. */
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
      if (id == IMPORT_SECTION || id == MEMORY_SECTION) {
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
  byte[] bytesForValidation() {
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
      for (int g = 0; g < groups; g++) {
        in.u32();
        ValueTypes.read(in);
      }
      int copied = bodyStart;
      while (in.position() < bodyEnd) {
        ins.next();
        int[] replacement = replacement(ins);
        if (replacement != null) {
          body.write(module, copied, ins.offset - copied);
          int length = in.position() - ins.offset;
          for (int i = 0; i < Math.max(length, replacement.length); i++) {
            body.write(i < replacement.length ? replacement[i] : NOP);
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

  private boolean is64(long memory) {
    return memory < memories.size() && memories.get((int) memory).is64();
  }

  /** What the validator sees instead of {@code ins} on a 64-bit memory; null to keep it. */
  private int[] replacement(InstructionDecoder ins) {
    int op = ins.op;
    if (!is64(ins.memory)) {
      return null;
    }
    if (op >= 0x28 && op <= 0x35) { // loads: [i64] -> [t]
      return switch (op) {
        case 0x28, 0x2C, 0x2D, 0x2E, 0x2F -> new int[] {0xA7}; // i32.wrap_i64
        case 0x2A -> new int[] {0xB4}; // f32.convert_i64_s
        case 0x2B -> new int[] {0xB9}; // f64.convert_i64_s
        default -> new int[] {0x79}; // i64.clz
      };
    }
    if (op >= 0x36 && op <= 0x3E) { // stores: [i64 t] -> []
      return switch (op) {
        case 0x36, 0x3A, 0x3B -> new int[] {0xAD, 0x51, 0x1A}; // i64.extend_i32_u, i64.eq, drop
        case 0x38 -> new int[] {0xAE, 0x51, 0x1A}; // i64.trunc_f32_s, i64.eq, drop
        case 0x39 -> new int[] {0xB0, 0x51, 0x1A}; // i64.trunc_f64_s, i64.eq, drop
        default -> new int[] {0x51, 0x1A}; // i64.eq, drop
      };
    }
    return switch (op) {
      case InstructionDecoder.MEMORY_SIZE -> new int[] {0x42, 0x00}; // i64.const 0
      case InstructionDecoder.MEMORY_GROW -> new int[] {0x79}; // i64.clz
      // i64.eqz, i32.eq, drop, i64.eqz, drop: [i64 i32 i64] -> []
      case InstructionDecoder.MEMORY_FILL -> new int[] {0x50, 0x46, 0x1A, 0x50, 0x1A};
      // i64.eq, drop, i64.eqz, drop: [i64 i64 i64] -> []
      case InstructionDecoder.MEMORY_COPY ->
          is64(ins.sourceMemory) ? new int[] {0x51, 0x1A, 0x50, 0x1A} : null;
      case InstructionDecoder.MEMORY_INIT ->
          new int[] {0x46, 0x1A, 0x50, 0x1A}; // i32.eq, drop, i64.eqz, drop
      default -> null;
    };
  }

  private void scan() {
    scanning = true;
    ByteCursor in = new ByteCursor(module, 8);
    while (in.position() < module.length) {
      int id = in.u8();
      long size = in.u32();
      int content = in.position();
      int end = content + (int) size;
      if (id == IMPORT_SECTION || id == MEMORY_SECTION) {
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
      if (id == IMPORT_SECTION) {
        in.name();
        in.name();
        int kind = in.u8();
        switch (kind) {
          case 0 -> in.u32();
          case 1 -> {
            ValueTypes.readReference(in);
            int flags = in.u8();
            in.u32();
            if ((flags & 1) != 0) {
              in.u32();
            }
          }
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
        if (kind != 2) {
          continue;
        }
      }
      int at = in.position();
      out.write(module, copied, at - copied);
      int flags = in.u8();
      boolean is64 = flags >= 4;
      int minAt = in.position();
      long min = is64 ? in.u64() : in.u32();
      int maxAt = in.position();
      long max = (flags & 1) != 0 ? (is64 ? in.u64() : in.u32()) : -1;
      if (scanning) {
        memories.add(new ModuleDecoder.MemoryType(is64, min, max));
      }
      anyMemory64 |= is64;
      out.write(flags & 1);
      writeU32(out, Math.min(min, PARSER_MAX_PAGES), maxAt - minAt);
      if (max != -1) {
        writeU32(out, Math.min(max, PARSER_MAX_PAGES), in.position() - maxAt);
      }
      copied = in.position();
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
