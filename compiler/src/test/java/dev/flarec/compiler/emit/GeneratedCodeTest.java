package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Corpus;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.testing.ModuleBuilder;
import dev.flarec.compiler.testing.ModuleBuilder.Code;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;
import org.objectweb.asm.util.Textifier;
import org.objectweb.asm.util.TraceClassVisitor;

/** The shape of generated code: what {@code javap -c} would show for the corpus. */
class GeneratedCodeTest {
  private static final int MEMORY_GROW = 0x40;
  private static final int DROP = 0x1A;
  private static final int I32_LOAD = 0x28;
  private static final int I32_STORE = 0x36;

  private static String disassemble(byte[] classFile) {
    StringWriter out = new StringWriter();
    new ClassReader(classFile)
        .accept(new TraceClassVisitor(null, new Textifier(), new PrintWriter(out)), 0);
    return out.toString();
  }

  /** The instructions of one method, from its declaration to the next blank line. */
  private static String method(String disassembly, String signaturePrefix) {
    int start = disassembly.indexOf(signaturePrefix);
    assertTrue(start >= 0, "no method " + signaturePrefix);
    int end = disassembly.indexOf("\n\n", start);
    return disassembly.substring(start, end < 0 ? disassembly.length() : end);
  }

  @ParameterizedTest
  @ValueSource(strings = {"arithmetic", "imports"})
  void everyGeneratedClassPassesTheBytecodeVerifier(String name) {
    CompiledModule compiled = Flarec.compile(Corpus.bytes(name));
    for (Map.Entry<String, byte[]> c : compiled.classFiles().entrySet()) {
      StringWriter problems = new StringWriter();
      CheckClassAdapter.verify(
          new ClassReader(c.getValue()),
          CompiledModule.class.getClassLoader(),
          false,
          new PrintWriter(problems));
      assertEquals("", problems.toString(), c.getKey());
    }
  }

  @Test
  void functionsAreStaticMethodsNamedAfterTheNameSection() {
    String code =
        disassemble(
            Flarec.compile(Corpus.bytes("arithmetic")).classFiles().values().iterator().next());
    assertTrue(code.contains("public static fac(JLflarec/module/Module;)J"), code);
  }

  @Test
  void aComparisonFeedingABranchBecomesOneCompareAndBranch() {
    String code =
        disassemble(
            Flarec.compile(Corpus.bytes("arithmetic")).classFiles().values().iterator().next());
    String sum = method(code, "public static func1(ILflarec/module/Module;)I");
    assertTrue(sum.contains("IF_ICMPLE"), sum);
    // a materialised 0/1 would be tested again with IFNE/IFEQ
    assertFalse(sum.contains("IFNE") || sum.contains("IFEQ"), "no 0/1 materialised:\n" + sum);
  }

  /** The unsigned maximum clang writes as {@code select(a, b, a >u b)}, and three more selects. */
  private static final String SELECTS =
      "(module\n"
          + "  (func (export \"umax\") (param $a i32) (param $b i32) (result i32)\n"
          + "    (select (local.get $a) (local.get $b) (i32.gt_u (local.get $a) (local.get $b))))\n"
          + "  (func (export \"lmin\") (param $a i64) (param $b i64) (result i64)\n"
          + "    (select (local.get $a) (local.get $b) (i64.lt_s (local.get $a) (local.get $b))))\n"
          + "  (func (export \"fpick\") (param $x f64) (param $y f64) (result f64)\n"
          + "    (select (f64.const 1) (f64.const 2) (f64.lt (local.get $x) (local.get $y))))\n"
          + "  (func (export \"zero\") (param $a i32) (param $b i32) (result i32)\n"
          + "    (select (local.get $b) (i32.const -1) (i32.eqz (local.get $a)))))";

  @Test
  void aComparisonFeedingASelectBecomesItsBranch() {
    CompiledModule compiled = Flarec.compileText(SELECTS);
    String code = disassemble(compiled.classFiles().values().iterator().next());
    String umax = method(code, "public static func0(II");
    assertTrue(umax.contains("IF_ICMP"), umax);
    // a materialised 0/1 would be pushed with ICONST_0/ICONST_1 and tested again with IFEQ
    assertFalse(
        umax.contains("ICONST_1") || umax.contains("IFEQ"), "no 0/1 materialised:\n" + umax);

    Instance in = compiled.load().instantiate();
    assertEquals(-1, in.function("umax").call(-1, 7)[0]); // -1 is the larger unsigned
    assertEquals(7, in.function("umax").call(3, 7)[0]);
    assertEquals(5, in.function("umax").call(5, 5)[0]);
    assertEquals(-9L, in.function("lmin").call(-9L, 4L)[0]);
    assertEquals(4L, in.function("lmin").call(10L, 4L)[0]);
    assertEquals(1.0, in.function("fpick").call(1.0, 2.0)[0]);
    assertEquals(2.0, in.function("fpick").call(2.0, 1.0)[0]);
    assertEquals(2.0, in.function("fpick").call(Double.NaN, 1.0)[0]); // NaN compares false
    assertEquals(8, in.function("zero").call(0, 8)[0]);
    assertEquals(-1, in.function("zero").call(3, 8)[0]);
  }

  @Test
  void memoryAccessCallsTheSharedHelperForItsWidth() {
    String code =
        disassemble(
            Flarec.compile(Corpus.bytes("arithmetic")).classFiles().values().iterator().next());
    String storeLoad = method(code, "public static func4(IJLflarec/module/Module;)J");
    assertTrue(
        storeLoad.contains("INVOKESTATIC dev/flarec/runtime/memory/MemoryAccess.storeLong (I[BJ)V"),
        storeLoad);
    // the load reads where the store just succeeded: no check (InBoundsAccesses)
    assertTrue(
        storeLoad.contains(
            "INVOKESTATIC dev/flarec/runtime/memory/MemoryAccess.loadLongInBounds (II[B)J"),
        storeLoad);
    assertFalse(
        storeLoad.contains("VarHandle"), "no VarHandle call site in generated code:\n" + storeLoad);
  }

  /**
   * A module that grows memory gets arrays longer than the memory (growth doubles them), so its
   * accesses pass the memory's size along to be checked; the module above never grows memory and
   * leaves bounds to the JVM.
   */
  @Test
  void aModuleThatGrowsMemoryChecksItsAccessesAgainstTheSize() {
    ModuleBuilder m = new ModuleBuilder();
    m.memory(1);
    Code body =
        new Code().i32Const(1).op(MEMORY_GROW).op(0).op(DROP).localGet(0).memory(I32_LOAD, 2, 0);
    m.export(
        "f",
        m.function(
            m.type(new byte[] {ModuleBuilder.I32}, new byte[] {ModuleBuilder.I32}),
            new byte[0],
            body));
    CompiledModule compiled = Flarec.compile(m.build());
    String f =
        method(
            disassemble(compiled.classFiles().values().iterator().next()), "public static func0(");
    assertTrue(
        f.contains("INVOKESTATIC dev/flarec/runtime/memory/MemoryAccess.loadInt (I[BI)I"), f);
    Instance instance = compiled.load().instantiate();
    // the first call grows to 2 pages (the array to 2), the second to 3 (the array to 4 pages)
    assertEquals(0, instance.function("f").call(2 * 65536 - 4)[0]);
    WasmTrap trap = assertThrows(WasmTrap.class, () -> instance.function("f").call(3 * 65536 - 3));
    assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trap.kind());
  }

  /**
   * A static offset reaches the helper apart from the base, which is checked against the size
   * lowered by the offset; a base whose sum with the offset passes the size, or 4 GiB, still traps.
   */
  @Test
  void aStaticOffsetIsPassedApartAndCheckedWithTheBase() {
    ModuleBuilder m = new ModuleBuilder();
    m.memory(1);
    int type = m.type(new byte[] {ModuleBuilder.I32}, new byte[] {ModuleBuilder.I32});
    Code body =
        new Code()
            .localGet(0)
            .localGet(0)
            .memory(I32_LOAD, 0, 16)
            .memory(I32_STORE, 2, 100)
            .localGet(0)
            .memory(I32_LOAD, 2, 100);
    m.export("f", m.function(type, new byte[0], body));
    m.export("grow", m.function(type, new byte[0], new Code().i32Const(1).op(MEMORY_GROW).op(0)));
    CompiledModule compiled = Flarec.compile(m.build());
    String f =
        method(
            disassemble(compiled.classFiles().values().iterator().next()), "public static func0(");
    assertTrue(
        f.contains("INVOKESTATIC dev/flarec/runtime/memory/MemoryAccess.loadInt (II[BI)I"), f);
    assertTrue(
        f.contains("INVOKESTATIC dev/flarec/runtime/memory/MemoryAccess.storeInt (III[BI)V"), f);
    assertFalse(f.contains("effectiveAddress"), f);
    Instance instance = compiled.load().instantiate();
    instance.function("grow").call(0);
    // 2 pages: the last word the load at offset 100 may read ends the memory
    int last = 2 * 65536 - 104;
    assertEquals(0, instance.function("f").call(last)[0]);
    for (int base : new int[] {last + 1, -1, -100, Integer.MIN_VALUE}) {
      WasmTrap trap = assertThrows(WasmTrap.class, () -> instance.function("f").call(base));
      assertEquals(TrapKind.OUT_OF_BOUNDS_MEMORY_ACCESS, trap.kind(), "base " + base);
    }
  }

  @Test
  void privateGlobalsAreTypedFieldsAndSharedOnesTypedCells() {
    String code =
        disassemble(
            Flarec.compile(Corpus.bytes("arithmetic")).classFiles().values().iterator().next());
    assertTrue(code.contains("public I global$0"), code);
    assertTrue(code.contains("public final Ldev/flarec/runtime/global/Global$I64; global$1"), code);
  }

  @Test
  void onlyFunctionsThatCallCheckForInterruptionOnEntry() {
    String code =
        disassemble(
            Flarec.compile(Corpus.bytes("arithmetic")).classFiles().values().iterator().next());
    String fac = method(code, "public static fac(JLflarec/module/Module;)J");
    assertTrue(fac.contains("Instance.checkInterrupt"), "fac recurses:\n" + fac);
    String divS = method(code, "public static func2(IILflarec/module/Module;)I");
    assertFalse(divS.contains("checkInterrupt"), "a leaf without loops needs no check:\n" + divS);
  }
}
