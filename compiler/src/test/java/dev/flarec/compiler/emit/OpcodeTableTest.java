package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.flarec.compiler.decode.UnsupportedFeatures;
import dev.flarec.compiler.emit.OpcodeRow.Trait;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import java.lang.reflect.Proxy;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import run.endive.wasm.types.AnnotatedInstruction;
import run.endive.wasm.types.Instruction;
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

  /**
   * The rows whose stack effect depends on the block type, the enclosing frames or the function
   * type, read in a context where a block type is {@code [i32 i64] -> [f32]}, the innermost frame
   * the same, a branch carries {@code [f32 f64]} and the function returns three values.
   */
  @ParameterizedTest(name = "{0} pops {1}, pushes {2}")
  @CsvSource({
    "BLOCK, 2, 2",
    "LOOP, 2, 2",
    "TRY_TABLE, 2, 2",
    "IF, 3, 2",
    "ELSE, 1, 2",
    "END, 1, 1",
    "BR, 2, 0",
    "BR_IF, 3, 2",
    "BR_TABLE, 3, 0",
    "RETURN, 3, 0",
    "BR_ON_NULL, 3, 3",
    "BR_ON_NON_NULL, 2, 1"
  })
  void contextDependentStackEffectsFollowTheInstructionTypes(OpCode op, int pops, int pushes) {
    EmitContext context = contextForArities();
    AnnotatedInstruction ins = annotated(new Instruction(0, op, new long[] {0, 0}));
    OpcodeRow row = table.rowOrNull(op);
    assertEquals(pops, row.pops().of(context, ins), op + " pops");
    assertEquals(pushes, row.pushes().of(context, ins), op + " pushes");
  }

  /**
   * Every load pops its address (and a lane's vector) and pushes one value; a store pushes none.
   */
  @Test
  void memoryRowsPopTheirAddressAndValue() {
    for (OpCode op : withTrait(Trait.READS_MEMORY)) {
      OpcodeRow row = table.rowOrNull(op);
      boolean lane = simdLane(op);
      assertEquals(lane ? 2 : 1, row.pops().of(null, null), op + " pops");
      assertEquals(1, row.pushes().of(null, null), op + " pushes");
    }
    for (OpCode op : withTrait(Trait.WRITES_MEMORY)) {
      OpcodeRow row = table.rowOrNull(op);
      assertEquals(2, row.pops().of(null, null), op + " pops");
      assertEquals(0, row.pushes().of(null, null), op + " pushes");
    }
  }

  /** A comparison that fuses with a branch is a test (eqz, ref.is_null) or a relation: one i32. */
  @Test
  void fusableComparisonsPopTheirOperandsAndPushOneCondition() {
    Set<OpCode> tests = EnumSet.of(OpCode.I32_EQZ, OpCode.I64_EQZ, OpCode.REF_IS_NULL);
    for (OpCode op : withTrait(Trait.FUSES_WITH_BRANCH)) {
      OpcodeRow row = table.rowOrNull(op);
      assertEquals(tests.contains(op) ? 1 : 2, row.pops().of(null, null), op + " pops");
      assertEquals(1, row.pushes().of(null, null), op + " pushes");
    }
  }

  /** {@code v128.load*_lane} are {@code 0xFD 84..87}: they pop the vector whose lane they set. */
  private static boolean simdLane(OpCode op) {
    int sub = op.opcode() & 0xFF;
    return op.opcode() >> 8 == 0xFD && sub >= 84 && sub <= 87;
  }

  /** {@code plain} with the annotations the parser's builder demands of its opcode. */
  private static AnnotatedInstruction annotated(Instruction plain) {
    AnnotatedInstruction.Builder b = AnnotatedInstruction.builder().from(plain);
    switch (plain.opcode()) {
      case BLOCK, LOOP, END -> b.withScope(plain);
      case TRY_TABLE -> b.withScope(plain).withCatches(List.of());
      case IF -> b.withScope(plain).withLabelTrue(0).withLabelFalse(0);
      case ELSE, BR -> b.withLabelTrue(0);
      case BR_IF, BR_ON_NULL, BR_ON_NON_NULL -> b.withLabelTrue(0).withLabelFalse(0);
      case BR_TABLE -> b.withLabelTable(List.of(0, 0));
      default -> {}
    }
    return b.build();
  }

  private static EmitContext contextForArities() {
    FunctionType block =
        FunctionType.of(List.of(ValueType.I32, ValueType.I64), List.of(ValueType.F32));
    ControlFrame innermost =
        new ControlFrame(ControlFrame.Kind.BLOCK, block.params(), block.results(), 0);
    FunctionType function =
        FunctionType.of(List.of(), List.of(ValueType.I64, ValueType.I64, ValueType.I64));
    return (EmitContext)
        Proxy.newProxyInstance(
            EmitContext.class.getClassLoader(),
            new Class<?>[] {EmitContext.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "blockTypeOf" -> block;
                  case "innermostFrame" -> innermost;
                  case "carriedTo" -> List.of(ValueType.F32, ValueType.F64);
                  case "type" -> function;
                  default -> throw new AssertionError("an arity asked for " + method.getName());
                });
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

  /**
   * Every load and store touches as many bytes as its natural alignment (§3.3.7: the alignment may
   * not exceed the access's width), read off the binary encoding; nothing else touches any.
   */
  @Test
  void accessBytesAreEachAccessesWidth() {
    // 0x28..0x3E: i32, i64, f32, f64 load; the narrow loads; i32, i64, f32, f64 store; narrow
    // stores
    int[] scalar = {4, 8, 4, 8, 1, 1, 2, 2, 1, 1, 2, 2, 4, 4, 4, 8, 4, 8, 1, 2, 1, 2, 4};
    for (OpCode op : table.opcodes()) {
      OpcodeRow row = table.rowOrNull(op);
      int sub = op.opcode() & 0xFF;
      int expected;
      if (in(op, 0x28, 0x3E)) {
        expected = scalar[op.opcode() - 0x28];
      } else if (simdMemory(op, false) || simdMemory(op, true)) {
        expected =
            switch (sub) {
              case 0, 11 -> 16;
              case 7, 84, 88 -> 1;
              case 8, 85, 89 -> 2;
              case 9, 86, 90, 92 -> 4;
              default -> 8; // the 64-bit widening loads, splat, lane and zero-extending load
            };
      } else {
        expected = 0;
      }
      assertEquals(expected, row.accessBytes(), op + " bytes");
      assertEquals(expected > 0, row.accessesMemory(), op + " accesses memory");
    }
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
