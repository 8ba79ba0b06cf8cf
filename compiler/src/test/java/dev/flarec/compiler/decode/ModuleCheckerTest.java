package dev.flarec.compiler.decode;

import static dev.flarec.compiler.testing.RawModules.code;
import static dev.flarec.compiler.testing.RawModules.module;
import static dev.flarec.compiler.testing.RawModules.section;
import static dev.flarec.compiler.testing.Rejections.rejected;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompileException;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.InvalidModuleException;
import dev.flarec.compiler.MalformedModuleException;
import dev.flarec.compiler.UnsupportedModuleException;
import org.junit.jupiter.api.Test;

/**
 * One hand-written minimal module for each class of front-end bug the mutation fuzzer found (issue
 * 15): each must be rejected with a one-line error naming the section, function and byte offset,
 * or, if valid, compile and load.
 */
class ModuleCheckerTest {
  private static final int TYPE = 1;
  private static final int IMPORT = 2;
  private static final int FUNCTION = 3;
  private static final int MEMORY = 5;
  private static final int GLOBAL = 6;
  private static final int EXPORT = 7;
  private static final int CODE = 10;

  /** {@code (type (func))}. */
  private static final byte[] VOID_TYPE = section(TYPE, 1, 0x60, 0, 0);

  /** {@code (type (func (result funcref)))}. */
  private static final byte[] FUNCREF_TYPE = section(TYPE, 1, 0x60, 0, 1, 0x70);

  private static void compilesAndLoads(byte[] wasm) {
    Flarec.compile(wasm).load().instantiate();
  }

  // ---- crash: a body without its final end ----

  @Test
  void aBodyWithoutItsFinalEndIsMalformed() {
    // (func (block)) with the function's own end missing: 02 40 0b
    byte[] wasm = module(VOID_TYPE, section(FUNCTION, 1, 0), code(0, 0x02, 0x40, 0x0B));
    rejected(MalformedModuleException.class, wasm, "code", 0, 26, "END opcode expected");
  }

  @Test
  void codeAfterTheFinalEndIsMalformed() {
    byte[] wasm = module(VOID_TYPE, section(FUNCTION, 1, 0), code(0, 0x0B, 0x01));
    rejected(MalformedModuleException.class, wasm, "code", 0, 24, "after the function's final end");
  }

  // ---- invalid modules the parser accepted ----

  @Test
  void anExportNameThatIsNotUtf8IsMalformed() {
    byte[] wasm =
        module(
            VOID_TYPE, section(FUNCTION, 1, 0), section(EXPORT, 1, 1, 0xFF, 0, 0), code(0, 0x0B));
    rejected(
        MalformedModuleException.class,
        wasm,
        "export",
        CompileException.UNKNOWN,
        22,
        "malformed UTF-8 encoding");
  }

  @Test
  void bit6OfTheAlignmentIntroducesAMemoryIndex() {
    // (memory 1) (func i32.const 0 i32.load 1 align=4 drop): bit 6 says a memory index follows
    // (multiple memories, 3.0), and memory 1 does not exist
    byte[] wasm =
        module(
            VOID_TYPE,
            section(FUNCTION, 1, 0),
            section(MEMORY, 1, 0, 1),
            code(0, 0x41, 0, 0x28, 0x42, 1, 0, 0x1A, 0x0B));
    rejected(InvalidModuleException.class, wasm, "code", 0, 30, "unknown memory 1");
  }

  @Test
  void refNullOfANonReferenceTypeIsMalformed() {
    byte[] wasm = module(VOID_TYPE, section(FUNCTION, 1, 0), code(0, 0xD0, 0x7F, 0x1A, 0x0B));
    rejected(MalformedModuleException.class, wasm, "code", 0, 24, "malformed reference type 0x7f");
  }

  @Test
  void refFuncOfAnUndeclaredFunctionIsInvalid() {
    // two functions; function 0 takes ref.func 1, which nothing declares
    byte[] wasm =
        module(
            FUNCREF_TYPE,
            section(FUNCTION, 2, 0, 0),
            section(CODE, 2, 4, 0, 0xD2, 1, 0x0B, 4, 0, 0xD0, 0x70, 0x0B));
    rejected(InvalidModuleException.class, wasm, "code", 0, 25, "undeclared function reference");
  }

  @Test
  void aCustomSectionNameThatIsNotUtf8IsMalformedAfterAnotherCustomSection() {
    byte[] wasm = module(section(0, 1, 'a'), section(0, 1, 0xC0));
    rejected(
        MalformedModuleException.class,
        wasm,
        "custom",
        CompileException.UNKNOWN,
        15,
        "malformed UTF-8 encoding");
  }

  // ---- valid modules that were refused ----

  @Test
  void aFunctionMayTakeARefFuncOfItselfDeclaredByAnExport() {
    byte[] wasm =
        module(
            FUNCREF_TYPE,
            section(FUNCTION, 1, 0),
            section(EXPORT, 1, 1, 'f', 0, 0),
            code(0, 0xD2, 0, 0x0B));
    compilesAndLoads(wasm);
  }

  @Test
  void aFunctionMayTakeARefFuncOfItselfDeclaredByAGlobal() {
    // (global funcref (ref.func 0))
    byte[] wasm =
        module(
            FUNCREF_TYPE,
            section(FUNCTION, 1, 0),
            section(GLOBAL, 1, 0x70, 0, 0xD2, 0, 0x0B),
            code(0, 0xD2, 0, 0x0B));
    compilesAndLoads(wasm);
  }

  @Test
  void aMalformedNameSectionIsIgnored() {
    // "name" with a function-names subsection whose vector runs past its end
    byte[] wasm =
        module(
            VOID_TYPE,
            section(FUNCTION, 1, 0),
            code(0, 0x0B),
            section(0, 4, 'n', 'a', 'm', 'e', 1, 3, 9, 0, 1));
    compilesAndLoads(wasm);
  }

  // ---- internal messages instead of what is wrong ----

  @Test
  void anInvalidExportKindIsMalformedNotAnIndexOutOfBounds() {
    byte[] wasm =
        module(
            VOID_TYPE, section(FUNCTION, 1, 0), section(EXPORT, 1, 1, 'f', 103, 0), code(0, 0x0B));
    rejected(
        MalformedModuleException.class,
        wasm,
        "export",
        CompileException.UNKNOWN,
        23,
        "malformed export kind 0x67");
  }

  @Test
  void elseWithoutIfIsMalformed() {
    byte[] wasm = module(VOID_TYPE, section(FUNCTION, 1, 0), code(0, 0x05, 0x0B));
    rejected(MalformedModuleException.class, wasm, "code", 0, 23, "else without a matching if");
  }

  @Test
  void aTruncatedSectionSaysWhichSection() {
    // the import section promises one import, then ends
    byte[] wasm = module(VOID_TYPE, section(IMPORT, 1));
    rejected(
        MalformedModuleException.class,
        wasm,
        "import",
        CompileException.UNKNOWN,
        16,
        "length out of bounds");
  }

  @Test
  void aSectionLongerThanTheModuleSaysWhichSection() {
    byte[] wasm = module(VOID_TYPE, new byte[] {CODE, 0x7F, 0});
    rejected(
        MalformedModuleException.class,
        wasm,
        "code",
        CompileException.UNKNOWN,
        15,
        "runs past the end of the module");
  }

  // ---- implementation limits and unsupported features ----

  @Test
  void initialMemoryBeyondFlarecsLimitCompilesAndFailsToInstantiate() {
    // (memory 40000): valid (at most 65536 pages) but more than a Java array holds; 3.0's
    // memory.wast defines such a module, so compiling succeeds and instantiating traps
    byte[] wasm = module(section(MEMORY, 1, 0, 0xC0, 0xB8, 0x02));
    var module = dev.flarec.compiler.Flarec.compile(wasm).load();
    dev.flarec.runtime.trap.WasmTrap trap =
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.flarec.runtime.trap.WasmTrap.class, module::instantiate);
    assertTrue(trap.getMessage().contains("memory limit exceeded"), trap.getMessage());
  }

  @Test
  void seventyThousandLocalsIsAnImplementationLimit() {
    // (func (local i32 x 70000)): 70000 = 0xF0 0xA2 0x04
    byte[] wasm = module(VOID_TYPE, section(FUNCTION, 1, 0), code(1, 0xF0, 0xA2, 0x04, 0x7F, 0x0B));
    UnsupportedModuleException e =
        rejected(UnsupportedModuleException.class, wasm, "code", 0, 22, "implementation limit");
    assertTrue(e.getMessage().contains("70000 locals"), e.getMessage());
  }

  @Test
  void anUnassignedSimdOpcodeIsMalformedAndNamed() {
    // 0xFD 154 (LEB128 0x9A 0x01) is a gap in the SIMD opcode space
    byte[] wasm = module(VOID_TYPE, section(FUNCTION, 1, 0), code(0, 0xFD, 0x9A, 0x01, 0x0B));
    rejected(MalformedModuleException.class, wasm, "code", 0, 23, "illegal opcode 0xfd 154");
  }

  @Test
  void aLanePastTheShapeIsInvalidAtItsByte() {
    // no locals; v128.const 0 (16 zero bytes), i8x16.extract_lane_s 16, drop, end
    int[] body = new int[24];
    body[1] = 0xFD;
    body[2] = 0x0C;
    body[19] = 0xFD;
    body[20] = 0x15;
    body[21] = 16;
    body[22] = 0x1A;
    body[23] = 0x0B;
    byte[] wasm = module(VOID_TYPE, section(FUNCTION, 1, 0), code(body));
    rejected(InvalidModuleException.class, wasm, "code", 0, 23 + 20, "invalid lane index 16");
  }
}
