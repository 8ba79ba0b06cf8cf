package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.flarec.compiler.decode.UnsupportedFeatures;
import dev.flarec.compiler.emit.OpcodeRow.Trait;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import run.endive.wasm.types.OpCode;

class OpcodeTableTest {
  private final OpcodeTable table = new OpcodeTable();

  @Test
  void everyWasm2InstructionHasExactlyOneRow() {
    Set<OpCode> wasm2 = matching(op -> true);
    Set<OpCode> rows = EnumSet.copyOf(table.opcodes());

    Set<OpCode> missing = EnumSet.copyOf(wasm2);
    missing.removeAll(rows);
    Set<OpCode> extra = EnumSet.copyOf(rows);
    extra.removeAll(wasm2);
    assertEquals(Set.of(), missing, "compiled instructions without a row");
    assertEquals(Set.of(), extra, "rows for instructions not compiled");
  }

  @Test
  void everyRelaxedSimdInstructionHasARowOfItsOwn() {
    Set<Integer> expected = new java.util.TreeSet<>();
    for (int sub = 0x100; sub <= 0x113; sub++) {
      expected.add(sub);
      OpcodeRow row = table.relaxedRowOrNull(sub);
      assertNotNull(row, "relaxed SIMD " + Integer.toHexString(sub));
      assertEquals(Set.of(), row.traits(), "relaxed SIMD touches neither memory nor calls");
    }
    assertEquals(expected, table.relaxedSubopcodes());
  }

  @Test
  void everyRowFillsEveryColumn() {
    for (OpCode op : table.opcodes()) {
      OpcodeRow row = table.rowOrNull(op);
      assertNotNull(row.emitter(), op + " emitter");
      assertNotNull(row.pops(), op + " pops");
      assertNotNull(row.pushes(), op + " pushes");
      assertNotNull(row.traits(), op + " traits");
    }
  }

  @Test
  void simpleRowsTakeTheirStackEffectFromTheirSignature() {
    for (OpCode op : table.opcodes()) {
      OpcodeRow row = table.rowOrNull(op);
      if (row.emitter() instanceof SimpleOp simple) {
        assertEquals(simple.in().length, row.pops().of(null, null), op + " pops");
        assertEquals(simple.out() == null ? 0 : 1, row.pushes().of(null, null), op + " pushes");
      }
    }
  }

  /** The traits, checked against the binary encoding (§5.4) rather than against names. */
  @Test
  void traitsFollowTheInstructionEncoding() {
    assertEquals(
        matching(op -> in(op, 0x28, 0x35) || simdMemory(op, false)), withTrait(Trait.READS_MEMORY));
    assertEquals(
        matching(op -> in(op, 0x36, 0x3E) || simdMemory(op, true)), withTrait(Trait.WRITES_MEMORY));
    assertEquals(
        matching(op -> in(op, 0x45, 0x66) || op.opcode() == 0xD1),
        withTrait(Trait.FUSES_WITH_BRANCH));
    // call, call_indirect, return_call, return_call_indirect, call_ref, return_call_ref
    assertEquals(matching(op -> in(op, 0x10, 0x15)), withTrait(Trait.CALLS));
    // return_call 0x12, return_call_indirect 0x13, return_call_ref 0x15
    assertEquals(
        matching(op -> op.opcode() == 0x12 || op.opcode() == 0x13 || op.opcode() == 0x15),
        withTrait(Trait.TAIL_CALLS));
    assertEquals(Set.of(OpCode.MEMORY_GROW), withTrait(Trait.GROWS_MEMORY));
    assertEquals(
        matching(op -> op.opcode() == 0x08 || op.opcode() == 0x0A), withTrait(Trait.THROWS));
  }

  private static boolean in(OpCode op, int first, int last) {
    return op.opcode() >= first && op.opcode() <= last;
  }

  /** SIMD loads are {@code 0xFD 0..10} and {@code 84..87, 92, 93}; stores {@code 11, 88..91}. */
  private static boolean simdMemory(OpCode op, boolean store) {
    if (op.opcode() >> 8 != 0xFD) {
      return false;
    }
    int sub = op.opcode() & 0xFF;
    if (op.opcode() > 0xFDFF) {
      return false;
    }
    return store
        ? sub == 11 || (sub >= 88 && sub <= 91)
        : sub <= 10 || (sub >= 84 && sub <= 87) || sub == 92 || sub == 93;
  }

  private Set<OpCode> withTrait(Trait t) {
    Set<OpCode> out = EnumSet.noneOf(OpCode.class);
    for (OpCode op : table.opcodes()) {
      if (table.rowOrNull(op).has(t)) {
        out.add(op);
      }
    }
    return out;
  }

  /** The instructions flarec compiles: WebAssembly 3.0 but GC and threads. */
  private static boolean compiled(OpCode op) {
    return UnsupportedFeatures.compiles(op);
  }

  /** The compiled instructions that satisfy {@code p}. */
  private static Set<OpCode> matching(java.util.function.Predicate<OpCode> p) {
    Set<OpCode> out = EnumSet.noneOf(OpCode.class);
    for (OpCode op : OpCode.values()) {
      if (compiled(op) && p.test(op)) {
        out.add(op);
      }
    }
    return out;
  }
}
