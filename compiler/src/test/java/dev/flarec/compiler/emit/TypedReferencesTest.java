package dev.flarec.compiler.emit;

import static dev.flarec.compiler.testing.ModuleBuilder.I32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.testing.MethodSizeCheck;
import dev.flarec.compiler.testing.ModuleBuilder;
import dev.flarec.compiler.testing.ModuleBuilder.Code;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Typed function references: {@code call_ref}, {@code return_call_ref}, {@code ref.as_non_null},
 * {@code br_on_null}, {@code br_on_non_null} and locals of type {@code (ref null $t)}, written in
 * the binary format (the installed wabt predates the final encoding), at the default method budget
 * and the tiny one.
 */
class TypedReferencesTest {
  private static final int IF = 0x04;
  private static final int ELSE = 0x05;
  private static final int BLOCK = 0x02;
  private static final int EMPTY = 0x40;
  private static final int RETURN = 0x0F;
  private static final int DROP = 0x1A;
  private static final int I32_EQZ = 0x45;
  private static final int I32_ADD = 0x6A;
  private static final int I32_SUB = 0x6B;
  private static final int REF_NULL = 0xD0;
  private static final int REF_FUNC = 0xD2;
  private static final int CALL_REF = 0x14;
  private static final int RETURN_CALL_REF = 0x15;
  private static final int REF_AS_NON_NULL = 0xD4;
  private static final int BR_ON_NULL = 0xD5;
  private static final int BR_ON_NON_NULL = 0xD6;

  private static byte[] module() {
    ModuleBuilder m = new ModuleBuilder();
    int ii = m.type(new byte[] {I32}, new byte[] {I32});
    int toI32 = m.type(new byte[0], new byte[] {I32});
    byte[] refIi = ModuleBuilder.ref(ii);
    int toRef = m.typeEncoded(0, new byte[0], 1, refIi);
    List<byte[]> nullableLocal = List.of(ModuleBuilder.refNull(ii));

    int inc = m.function(ii, new byte[0], new Code().localGet(0).i32Const(1).op(I32_ADD));
    int even = 6;
    int odd = 7;
    m.export(
        "call",
        m.function(ii, new byte[0], new Code().localGet(0).op(REF_FUNC, inc).op(CALL_REF, ii)));
    m.export(
        "callNull",
        m.function(ii, new byte[0], new Code().localGet(0).op(REF_NULL, ii).op(CALL_REF, ii)));
    m.export(
        "asNonNull",
        m.function(
            toI32,
            new byte[0],
            new Code().op(REF_NULL, ii).op(REF_AS_NON_NULL).op(DROP).i32Const(0)));
    // (if p (local.set r (ref.func inc))) (block (call_ref 10 (br_on_null 0 r)) return) -1
    m.export(
        "onNull",
        m.functionWithLocals(
            ii,
            nullableLocal,
            new Code()
                .localGet(0)
                .begin(IF, EMPTY)
                .op(REF_FUNC, inc)
                .localSet(1)
                .end()
                .begin(BLOCK, EMPTY)
                .i32Const(10)
                .localGet(1)
                .op(BR_ON_NULL, 0)
                .op(CALL_REF, ii)
                .op(RETURN)
                .end()
                .i32Const(-1)));
    // (block (result (ref ii)) (br_on_non_null 0 r) (return -2)) then call it with 20
    m.export(
        "onNonNull",
        m.functionWithLocals(
            ii,
            nullableLocal,
            new Code()
                .localGet(0)
                .begin(IF, EMPTY)
                .op(REF_FUNC, inc)
                .localSet(1)
                .end()
                .begin(BLOCK, toRef)
                .localGet(1)
                .op(BR_ON_NON_NULL, 0)
                .i32Const(-2)
                .op(RETURN)
                .end()
                .localSet(1)
                .i32Const(20)
                .localGet(1)
                .op(CALL_REF, ii)));
    for (int[] pair : new int[][] {{even, odd, 1}, {odd, even, 0}}) {
      int f =
          m.function(
              ii,
              new byte[0],
              new Code()
                  .localGet(0)
                  .op(I32_EQZ)
                  .begin(IF, I32)
                  .i32Const(pair[2])
                  .op(ELSE)
                  .localGet(0)
                  .i32Const(1)
                  .op(I32_SUB)
                  .op(REF_FUNC, pair[1])
                  .op(RETURN_CALL_REF, ii)
                  .end());
      assertEquals(pair[0], f);
    }
    m.export("even", even);
    m.declare(inc, even, odd);
    return m.build();
  }

  private static Instance instance(int budget) {
    CompiledModule compiled =
        Flarec.compile(
            module(),
            budget == 0
                ? CompileOptions.defaults()
                : CompileOptions.defaults().withMethodBudget(budget));
    if (budget > 0) {
      MethodSizeCheck.assertWithin(compiled, budget);
    }
    return compiled.load().instantiate();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void callRefCallsTheReferencedFunctionAndTrapsOnNull(int budget) {
    Instance m = instance(budget);
    assertEquals(6, m.function("call").call(5)[0]);
    WasmTrap trap = assertThrows(WasmTrap.class, () -> m.function("callNull").call(5));
    assertEquals(TrapKind.NULL_FUNCTION_REFERENCE, trap.kind());
    trap = assertThrows(WasmTrap.class, () -> m.function("asNonNull").call());
    assertEquals(TrapKind.NULL_REFERENCE, trap.kind());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void brOnNullAndBrOnNonNullBranchOnExactlyOneCase(int budget) {
    Instance m = instance(budget);
    assertEquals(-1, m.function("onNull").call(0)[0]);
    assertEquals(11, m.function("onNull").call(1)[0]);
    assertEquals(-2, m.function("onNonNull").call(0)[0]);
    assertEquals(21, m.function("onNonNull").call(1)[0]);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 300})
  void returnCallRefRunsAMillionDeepInConstantStack(int budget) {
    Instance m = instance(budget);
    assertEquals(1, TailCallsTest.callOnSmallStack(m, "even", 1_000_000)[0]);
    assertEquals(0, TailCallsTest.callOnSmallStack(m, "even", 999_999)[0]);
  }
}
