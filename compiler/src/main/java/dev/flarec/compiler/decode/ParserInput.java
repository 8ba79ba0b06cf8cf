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
        writeU32(out, lowered.length);
        out.write(lowered, 0, lowered.length);
      } else {
        out.write(module, start, end - start);
      }
      in.skip(end - content);
    }
    return out.toByteArray();
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
      long min = is64 ? in.u64() : in.u32();
      long max = (flags & 1) != 0 ? (is64 ? in.u64() : in.u32()) : -1;
      if (scanning) {
        memories.add(new ModuleDecoder.MemoryType(is64, min, max));
      }
      anyMemory64 |= is64;
      out.write(flags & 1);
      writeU32(out, Math.min(min, PARSER_MAX_PAGES));
      if (max != -1) {
        writeU32(out, Math.min(max, PARSER_MAX_PAGES));
      }
      copied = in.position();
    }
    out.write(module, copied, end - copied);
    return out.toByteArray();
  }

  private static void writeU32(ByteArrayOutputStream out, long value) {
    do {
      int b = (int) (value & 0x7F);
      value >>>= 7;
      out.write(value != 0 ? b | 0x80 : b);
    } while (value != 0);
  }
}
