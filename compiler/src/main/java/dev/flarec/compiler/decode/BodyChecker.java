package dev.flarec.compiler.decode;

import static dev.flarec.compiler.decode.InstructionDecoder.*;

/**
 * Checks one function body's instructions for what the parser misses or reports without a position:
 * the nesting of blocks (a body must end with its own {@code end}, and nothing may follow it), and
 * every index an instruction names (labels, locals, globals, functions, types, tables, memory,
 * element and data segments, declared function references). Operand types are left to the parser's
 * validator.
 */
final class BodyChecker {
  private final ByteCursor in;
  private final ModuleShape module;
  private final InstructionDecoder ins;

  BodyChecker(ByteCursor in, ModuleShape module) {
    this.in = in;
    this.module = module;
    this.ins = new InstructionDecoder(in);
  }

  /** Reads instructions up to the body's final {@code end}, which must be at {@code in}'s limit. */
  void check(long locals) {
    // kinds of the open blocks; the function's own block is the first
    int[] open = new int[16];
    int depth = 1;
    open[0] = BLOCK;
    while (true) {
      if (in.atLimit()) {
        throw in.malformed(
            in.position(), "END opcode expected: the function body ends inside a block");
      }
      ins.next();
      switch (ins.op) {
        case TRY_TABLE -> {
          for (int k = 0; k < ins.labels.length; k++) {
            label(ins.labels[k], depth);
            if (ins.catchTags[k] >= 0) {
              tag(ins.catchTags[k]);
            }
          }
          blockType();
          if (depth == open.length) {
            open = java.util.Arrays.copyOf(open, depth * 2);
          }
          open[depth++] = ins.op;
        }
        case THROW -> tag(ins.a);
        case BLOCK, LOOP, IF -> {
          blockType();
          if (depth == open.length) {
            open = java.util.Arrays.copyOf(open, depth * 2);
          }
          open[depth++] = ins.op;
        }
        case ELSE -> {
          if (open[depth - 1] != IF) {
            throw in.malformed(ins.offset, "else without a matching if");
          }
          open[depth - 1] = ELSE;
        }
        case END -> {
          depth--;
          if (depth == 0) {
            if (!in.atLimit()) {
              throw in.malformed(
                  in.position(),
                  "unexpected content after the function's final end (section size mismatch)");
            }
            return;
          }
        }
        case BR, BR_IF, BR_ON_NULL, BR_ON_NON_NULL -> label(ins.a, depth);
        case BR_TABLE -> {
          for (int l : ins.labels) {
            label(l, depth);
          }
        }
        case CALL, RETURN_CALL -> function(ins.a);
        case CALL_REF, RETURN_CALL_REF -> type(ins.a);
        case CALL_INDIRECT, RETURN_CALL_INDIRECT -> {
          type(ins.a);
          table(ins.b);
        }
        case SELECT_TYPED -> {
          if (ins.labels.length != 1) {
            throw in.invalid(ins.offset, "invalid result arity: select takes exactly one type");
          }
        }
        case LOCAL_GET, 0x21, LOCAL_TEE -> {
          if (ins.a >= locals) {
            throw in.invalid(ins.offset, "unknown local " + ins.a);
          }
        }
        case GLOBAL_GET -> global(ins.a);
        case GLOBAL_SET -> {
          global(ins.a);
          if (!module.globals.get((int) ins.a).mutable()) {
            throw in.invalid(ins.offset, "global is immutable: global.set " + ins.a);
          }
        }
        case TABLE_GET, TABLE_SET, TABLE_GROW, TABLE_SIZE, TABLE_FILL -> table(ins.a);
        case MEMORY_SIZE, MEMORY_GROW, MEMORY_FILL -> memory(ins.memory);
        case MEMORY_COPY -> {
          memory(ins.memory);
          memory(ins.sourceMemory);
        }
        case MEMORY_INIT -> {
          memory(ins.memory);
          data(ins.a);
        }
        case DATA_DROP -> data(ins.a);
        case TABLE_INIT -> {
          element(ins.a);
          table(ins.b);
        }
        case ELEM_DROP -> element(ins.a);
        case TABLE_COPY -> {
          table(ins.a);
          table(ins.b);
        }
        case REF_FUNC -> {
          function(ins.a);
          if (!module.declaredReferences.contains((int) ins.a)) {
            throw in.invalid(
                ins.offset,
                "undeclared function reference: ref.func "
                    + ins.a
                    + " names a function no element segment, export or global declares");
          }
        }
        default -> {
          if (ins.op >= FIRST_MEMORY_ACCESS && ins.op <= LAST_MEMORY_ACCESS) {
            memory(ins.memory);
            offset();
            if (ins.a > naturalAlignment(ins.op)) {
              throw in.invalid(
                  ins.offset, "alignment must not be larger than natural (2^" + ins.a + ")");
            }
          } else if (isRelaxedSimd(ins.op)) {
            module.relaxedSimd.put(ins.offset, ins.op & 0xFFFF);
          } else if (simdNaturalAlignment(ins.op) >= 0) {
            memory(ins.memory);
            offset();
            if (ins.a > simdNaturalAlignment(ins.op)) {
              throw in.invalid(
                  ins.offset, "alignment must not be larger than natural (2^" + ins.a + ")");
            }
          }
        }
      }
    }
  }

  private void blockType() {
    if (ins.a >= 0) {
      type(ins.a);
    } else if ((ins.op == TRY_TABLE ? ins.b : in.position() - ins.offset) != 2
        && !ins.typedReferenceBlock) {
      throw in.malformed(ins.offset + 1, "malformed block type: a value type is one byte");
    } else if (ins.a != -64) { // 0x40: no result
      int encoded = (int) (ins.a & 0x7F);
      switch (encoded) {
        case ValueTypes.I32,
            ValueTypes.I64,
            ValueTypes.F32,
            ValueTypes.F64,
            ValueTypes.V128,
            ValueTypes.FUNCREF,
            ValueTypes.EXTERNREF,
            ValueTypes.EXNREF -> {}
        default -> throw ValueTypes.notAType(in, ins.offset + 1, encoded, "block");
      }
    }
  }

  private void label(long l, int depth) {
    if (l >= depth) {
      throw in.invalid(ins.offset, "unknown label " + l);
    }
  }

  private void tag(long t) {
    if (t >= module.tags.size()) {
      throw in.invalid(ins.offset, "unknown tag " + t);
    }
  }

  private void function(long f) {
    if (f >= module.functions.size()) {
      throw in.invalid(ins.offset, "unknown function " + f);
    }
  }

  private void type(long t) {
    if (t >= module.types.size()) {
      throw in.invalid(ins.offset, "unknown type " + t);
    }
  }

  private void table(long t) {
    if (t >= module.tables.size()) {
      throw in.invalid(ins.offset, "unknown table " + t);
    }
  }

  private void global(long g) {
    if (g >= module.globals.size()) {
      throw in.invalid(ins.offset, "unknown global " + g);
    }
  }

  private void memory(long m) {
    if (m >= module.memories) {
      throw in.invalid(ins.offset, "unknown memory " + m);
    }
  }

  /**
   * A load's or store's static offset: below 2^32 for a 32-bit memory (§3.3.7), any u64 for a
   * 64-bit one; one the parser cannot read is recorded for the rewrite ({@link Memory64Offsets}).
   */
  private void offset() {
    if (module.isMemory64(ins.memory)) {
      if (Long.compareUnsigned(ins.b, 0xFFFF_FFFFL) > 0 || ins.offsetEnd - ins.offsetAt > 5) {
        module.wideOffsets.add(
            new Memory64Offsets.Site(
                ins.offset, ins.offsetAt, ins.offsetEnd, in.position(), ins.b));
      }
    } else if (Long.compareUnsigned(ins.b, 0xFFFF_FFFFL) > 0) {
      throw in.malformed(ins.offset, "integer too large: offset out of range for a 32-bit memory");
    }
  }

  private void element(long e) {
    if (e >= module.elements.size()) {
      throw in.invalid(ins.offset, "unknown elem segment " + e);
    }
  }

  private void data(long d) {
    if (module.dataCount < 0) {
      throw in.malformed(
          ins.offset, "data count section required (memory.init and data.drop need one)");
    }
    if (d >= module.dataCount) {
      throw in.invalid(ins.offset, "unknown data segment " + d);
    }
  }
}
