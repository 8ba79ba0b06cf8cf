package dev.flarec.compiler.emit;

import static dev.flarec.compiler.testing.ModuleBuilder.Code.catchAll;
import static dev.flarec.compiler.testing.ModuleBuilder.Code.catchAllRef;
import static dev.flarec.compiler.testing.ModuleBuilder.Code.catchRef;
import static dev.flarec.compiler.testing.ModuleBuilder.Code.catchTag;
import static dev.flarec.compiler.testing.ModuleBuilder.EXNREF;
import static dev.flarec.compiler.testing.ModuleBuilder.I32;
import static dev.flarec.compiler.testing.ModuleBuilder.I64;
import static dev.flarec.compiler.testing.ModuleBuilder.VOID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.testing.ModuleBuilder;
import dev.flarec.compiler.testing.ModuleBuilder.Code;
import dev.flarec.runtime.exception.Tag;
import dev.flarec.runtime.exception.WasmException;
import dev.flarec.runtime.instance.FunctionRef;
import dev.flarec.runtime.instance.Imports;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import dev.flarec.runtime.types.ValueType;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Exception handling (3.0) end to end: modules written in the binary format (the text translator
 * does not know {@code try_table}), compiled at the default method budget and at the smallest one,
 * which splits nearly every function into runs, so that try_table regions span runs.
 */
class ExceptionHandlingTest {
  private static final byte[] NONE = {};

  private static Instance instantiate(ModuleBuilder m, int budget, Imports imports) {
    return Flarec.compile(m.build(), CompileOptions.defaults().withMethodBudget(budget))
        .load()
        .instantiate(imports);
  }

  private static Object call(Instance instance, String name, Object... args) {
    Object[] results = instance.function(name).call(args);
    return results.length == 0 ? null : results[0];
  }

  /** {@code thrower(x)} throws $e(x) when x != 0; {@code catcher(x)} catches it and returns x+1. */
  @ParameterizedTest
  @ValueSource(ints = {8000, 300})
  void throwInOneFunctionCatchInAnother(int budget) {
    ModuleBuilder m = new ModuleBuilder();
    int ii = m.type(new byte[] {I32}, new byte[] {I32});
    int e = m.tag(m.type(new byte[] {I32}, NONE));
    int thrower =
        m.function(
            ii,
            NONE,
            new Code()
                .localGet(0)
                .begin(0x04, VOID) // if
                .localGet(0)
                .throwTag(e)
                .end()
                .i32Const(-1));
    m.export(
        "catcher",
        m.function(
            ii,
            NONE,
            new Code()
                .begin(0x02, I32) // block $h (result i32)
                .tryTable(I32, catchTag(e, 0))
                .localGet(0)
                .call(thrower)
                .end()
                .br(1) // no exception: return the callee's result
                .end()
                .i32Const(1)
                .op(0x6A) // i32.add
                .op(0x0F)));
    Instance instance = instantiate(m, budget, Imports.empty());
    assertEquals(42, call(instance, "catcher", 41));
    assertEquals(-1, call(instance, "catcher", 0));
  }

  /**
   * The inner try_table catches $e1 only; $e0 passes it and the outer one catches it. Values sit on
   * the stack below both blocks, and must be there again after the handler.
   */
  @ParameterizedTest
  @ValueSource(ints = {8000, 300})
  void nestedTryTablesAndValuesBelowTheBlock(int budget) {
    ModuleBuilder m = new ModuleBuilder();
    int ii = m.type(new byte[] {I32}, new byte[] {I32});
    int e0 = m.tag(m.type(NONE, NONE));
    int e1 = m.tag(m.type(NONE, NONE));
    // nested(x) = 1000 + r: r = 20 when x == 0 (e0, caught by the outer try_table), 10 when
    // x == 1 (e1, by the inner one), 5 otherwise; 1000 and 100000 sit below both try_tables
    Code body =
        new Code()
            .i32Const(20)
            .localSet(1)
            .i32Const(1000)
            .begin(0x02, VOID) // $outer
            .begin(0x02, VOID) // $inner
            .i32Const(100_000)
            .tryTable(VOID, catchTag(e0, 1))
            .tryTable(VOID, catchTag(e1, 1))
            .localGet(0)
            .op(0x45) // i32.eqz
            .begin(0x04, VOID)
            .throwTag(e0)
            .end()
            .localGet(0)
            .i32Const(1)
            .op(0x46) // i32.eq
            .begin(0x04, VOID)
            .throwTag(e1)
            .end()
            .end()
            .end()
            .op(0x1A) // drop 100000
            .i32Const(5)
            .localSet(1)
            .br(1)
            .end() // $inner: caught e1
            .i32Const(10)
            .localSet(1)
            .end() // $outer: caught e0, or done
            .localGet(1)
            .op(0x6A);
    m.export("nested", m.function(ii, new byte[] {I32}, body));
    Instance instance = instantiate(m, budget, Imports.empty());
    assertEquals(1020, call(instance, "nested", 0));
    assertEquals(1010, call(instance, "nested", 1));
    assertEquals(1005, call(instance, "nested", 2));
  }

  /**
   * A host function throws a Wasm exception of a host-made tag; Wasm catches it with catch_ref,
   * keeps the exnref in a local and a global, and rethrows it with throw_ref: the host gets back
   * the very object it threw. catch_all_ref takes exceptions of other tags.
   */
  @ParameterizedTest
  @ValueSource(ints = {8000, 300})
  void hostThrowsWasmCatchesAndRethrowsTheSameException(int budget) {
    ModuleBuilder m = new ModuleBuilder();
    int ii = m.type(new byte[] {I32}, new byte[] {I32});
    int tagType = m.type(new byte[] {I64}, NONE);
    int hostFn = m.importFunction("host", "f", ii);
    int hostTag = m.importTag("host", "boom", tagType);
    int resultsIExn = m.type(NONE, new byte[] {I64, EXNREF});
    int kept = m.globalExnref();
    // rethrow(x): catch_ref host.boom -> keep payload+1 in a local... rethrow if x is odd,
    // else return the payload; exceptions of other tags: kept in the global, return -1
    Code body =
        new Code()
            .begin(0x02, EXNREF) // $other
            .beginTyped(0x02, resultsIExn) // $h
            .tryTable(VOID, catchRef(hostTag, 0), catchAllRef(1))
            .localGet(0)
            .call(hostFn)
            .op(0x1A)
            .end()
            .i32Const(0)
            .op(0x0F)
            .end() // $h: [i64 payload, exnref]
            .localSet(1)
            .op(0xA7) // i32.wrap_i64
            .localGet(0)
            .i32Const(1)
            .op(0x71) // i32.and
            .begin(0x04, VOID)
            .localGet(1)
            .throwRef()
            .end()
            .op(0x0F)
            .end() // $other
            .globalSet(kept)
            .i32Const(-1);
    m.export("rethrow", m.function(ii, new byte[] {EXNREF}, body));
    Tag boom = Tag.of(ValueType.I64);
    Tag other = Tag.of();
    WasmException[] thrown = new WasmException[1];
    IntUnaryOperator host =
        x -> {
          thrown[0] = x < 0 ? other.exception() : boom.exception((long) x * 10);
          throw thrown[0];
        };
    Imports imports =
        Imports.builder()
            .function("host", "f", FunctionRef.of(host))
            .tag("host", "boom", boom)
            .build();
    Instance instance = instantiate(m, budget, imports);

    assertEquals(40, call(instance, "rethrow", 4));
    WasmException out = assertThrows(WasmException.class, () -> call(instance, "rethrow", 3));
    assertSame(thrown[0], out, "throw_ref rethrows the caught exception itself");
    assertTrue(out.is(boom));
    assertArrayEquals(new Object[] {30L}, out.payload());
    assertEquals(-1, call(instance, "rethrow", -5));
  }

  /** A trap is no exception: catch_all does not take it, nor a trap in a callee. */
  @ParameterizedTest
  @ValueSource(ints = {8000, 300})
  void trapsPassThroughEveryHandler(int budget) {
    ModuleBuilder m = new ModuleBuilder();
    int ii = m.type(new byte[] {I32}, new byte[] {I32});
    int div = m.function(ii, NONE, new Code().i32Const(100).localGet(0).op(0x6D)); // i32.div_s
    m.export(
        "f",
        m.function(
            ii,
            NONE,
            new Code()
                .begin(0x02, VOID)
                .tryTable(I32, catchAll(0))
                .localGet(0)
                .call(div)
                .localGet(0)
                .i32Const(7)
                .op(0x46)
                .begin(0x04, VOID)
                .op(0x00) // unreachable
                .end()
                .end()
                .op(0x0F)
                .end()
                .i32Const(-1)));
    Instance instance = instantiate(m, budget, Imports.empty());
    assertEquals(50, call(instance, "f", 2));
    WasmTrap divide = assertThrows(WasmTrap.class, () -> call(instance, "f", 0));
    assertEquals(TrapKind.INTEGER_DIVIDE_BY_ZERO, divide.kind());
    WasmTrap unreachable = assertThrows(WasmTrap.class, () -> call(instance, "f", 7));
    assertEquals(TrapKind.UNREACHABLE, unreachable.kind());
  }

  /**
   * An exception no handler takes leaves the export as itself, of the tag the instance exports;
   * another instance that imports the tag catches the first one's exceptions (tag identity per
   * instance, an imported tag being the exporter's).
   */
  @ParameterizedTest
  @ValueSource(ints = {8000, 300})
  void exceptionsEscapeToTheHostAndCrossInstances(int budget) {
    ModuleBuilder thrower = new ModuleBuilder();
    int ii = thrower.type(new byte[] {I32}, new byte[] {I32});
    int e = thrower.tag(thrower.type(new byte[] {I32, I32}, NONE));
    thrower.exportTag("e", e);
    thrower.export(
        "throw", thrower.function(ii, NONE, new Code().localGet(0).i32Const(7).throwTag(e)));
    Instance first = instantiate(thrower, budget, Imports.empty());
    WasmException out = assertThrows(WasmException.class, () -> call(first, "throw", 5));
    assertSame(first.tag("e"), out.tag());
    assertArrayEquals(new Object[] {5, 7}, out.payload());
    assertEquals(List.of(ValueType.I32, ValueType.I32), first.tag("e").type().params());

    // a second instance of the same module has tags of its own
    Instance second = instantiate(thrower, budget, Imports.empty());
    WasmException other = assertThrows(WasmException.class, () -> call(second, "throw", 5));
    assertTrue(!other.is(first.tag("e")));

    ModuleBuilder catcher = new ModuleBuilder();
    int cii = catcher.type(new byte[] {I32}, new byte[] {I32});
    int pair = catcher.type(new byte[] {I32, I32}, NONE);
    int resultsII = catcher.type(NONE, new byte[] {I32, I32});
    int imported = catcher.importFunction("m", "throw", cii);
    int tag = catcher.importTag("m", "e", pair);
    catcher.export(
        "f",
        catcher.function(
            cii,
            NONE,
            new Code()
                .begin(0x02, VOID) // $any
                .beginTyped(0x02, resultsII) // $h
                .tryTable(VOID, catchTag(tag, 0), catchAll(1))
                .localGet(0)
                .call(imported)
                .op(0x0F)
                .end()
                .op(0x00) // the body always returns
                .end()
                .op(0x6C) // i32.mul
                .op(0x0F)
                .end()
                .i32Const(-1)));
    Imports fromFirst = Imports.builder().instance("m", first).build();
    assertEquals(35, call(instantiate(catcher, budget, fromFirst), "f", 5));
    // the tag of the second instance is another tag: only catch_all takes its exceptions
    Imports mixed =
        Imports.builder()
            .function("m", "throw", (FunctionRef) second.export("throw"))
            .tag("m", "e", first.tag("e"))
            .build();
    assertEquals(-1, call(instantiate(catcher, budget, mixed), "f", 5));
  }

  /**
   * Locals written in a split run before a call throws must be seen by the handler of a try_table
   * in the method that called the run (the run flushes its cached locals on the way out).
   */
  @ParameterizedTest
  @ValueSource(ints = {8000, 300})
  void localsWrittenBeforeAThrowSurviveTheSplit(int budget) {
    ModuleBuilder m = new ModuleBuilder();
    int ii = m.type(new byte[] {I32}, new byte[] {I32});
    int e = m.tag(m.type(NONE, NONE));
    int thrower =
        m.function(
            ii, NONE, new Code().localGet(0).begin(0x04, VOID).throwTag(e).end().localGet(0));
    Code body = new Code().begin(0x02, VOID).tryTable(VOID, catchAll(0));
    for (int k = 1; k <= 40; k++) {
      // $s += k * x, interleaved with calls that may throw
      body.localGet(1).localGet(0).i32Const(k).op(0x6C).op(0x6A).localSet(1);
      if (k % 10 == 0) {
        body.i32Const(k == 30 ? 1 : 0).localGet(0).op(0x71).call(thrower).op(0x1A);
      }
    }
    body.end().end().localGet(1);
    m.export("f", m.function(ii, new byte[] {I32}, body));
    CompiledModule compiled =
        Flarec.compile(m.build(), CompileOptions.defaults().withMethodBudget(budget));
    if (budget == CompileOptions.MIN_METHOD_BUDGET) {
      // the try_table stays in the function's method, its body in runs that write back on a throw
      assertTrue(
          methodsCatchingWasmExceptions(compiled) >= 3,
          "the try_table's method and at least two runs handle WasmException");
    }
    Instance instance = compiled.load().instantiate();
    // x odd: the call after k = 30 throws, so $s = x * (1 + ... + 30)
    assertEquals(465 * 3, call(instance, "f", 3));
    assertEquals(820 * 2, call(instance, "f", 2));
  }

  /** How many generated methods have an exception handler for WasmException. */
  private static int methodsCatchingWasmExceptions(CompiledModule compiled) {
    int[] count = {0};
    for (byte[] classFile : compiled.classFiles().values()) {
      new ClassReader(classFile)
          .accept(
              new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(
                    int access, String name, String desc, String sig, String[] exceptions) {
                  return new MethodVisitor(Opcodes.ASM9) {
                    boolean catches;

                    @Override
                    public void visitTryCatchBlock(
                        Label start, Label end, Label handler, String type) {
                      catches |= "dev/flarec/runtime/exception/WasmException".equals(type);
                    }

                    @Override
                    public void visitEnd() {
                      count[0] += catches ? 1 : 0;
                    }
                  };
                }
              },
              0);
    }
    return count[0];
  }

  /** exnref in a table, ref.null exn, and throw_ref of a null reference, which traps. */
  @ParameterizedTest
  @ValueSource(ints = {8000, 300})
  void exnrefInTablesAndNullReferences(int budget) {
    ModuleBuilder m = new ModuleBuilder();
    int ii = m.type(new byte[] {I32}, new byte[] {I32});
    int e = m.tag(m.type(new byte[] {I32}, NONE));
    int table = m.table(EXNREF, 2);
    int pairType = m.type(NONE, new byte[] {I32, EXNREF});
    // f(x): catch $e(x) by ref, store the exnref in table[0], then throw_ref table[x & 1]
    m.export(
        "f",
        m.function(
            ii,
            new byte[] {EXNREF},
            new Code()
                .beginTyped(0x02, pairType)
                .tryTable(VOID, catchRef(e, 0))
                .localGet(0)
                .throwTag(e)
                .end()
                .op(0x00)
                .end()
                .localSet(1)
                .op(0x1A)
                .i32Const(0)
                .localGet(1)
                .table(0x26, table) // table.set
                .localGet(0)
                .i32Const(1)
                .op(0x71)
                .table(0x25, table) // table.get
                .throwRef()));
    m.export("null", m.function(ii, NONE, new Code().refNullExn().throwRef()));
    Instance instance = instantiate(m, budget, Imports.empty());
    WasmException out = assertThrows(WasmException.class, () -> call(instance, "f", 4));
    assertEquals(4, out.payload(0));
    WasmTrap nullRef = assertThrows(WasmTrap.class, () -> call(instance, "f", 5));
    assertEquals(TrapKind.NULL_EXCEPTION_REFERENCE, nullRef.kind());
    assertThrows(WasmTrap.class, () -> call(instance, "null", 0));
  }
}
