package dev.flarec.compiler.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.DeclarativeElement;
import run.endive.wasm.types.Element;
import run.endive.wasm.types.ElementSection;
import run.endive.wasm.types.FunctionBody;
import run.endive.wasm.types.Instruction;
import run.endive.wasm.types.OpCode;
import run.endive.wasm.types.ValType;

/**
 * Runs the parser's validator, which type-checks function bodies, on a module {@link ModuleChecker}
 * has already checked.
 *
 * <p>The validator's check of {@code ref.func} is wrong both ways: it looks only at a function
 * referencing itself, and then counts only element segments as declarations, not exports or globals
 * (§3.4.10 counts all three). {@link BodyChecker} does the whole check, so the validator is given a
 * copy of the module with one more declarative segment naming every function that code references;
 * the decoded module itself is left as it was.
 */
final class ParserValidation {
  private ParserValidation() {}

  /** Throws the validator's {@code InvalidException} if {@code m}'s code is ill-typed. */
  static void validate(WasmModule m) {
    copy(m).build();
  }

  /** A validating builder holding {@code m}'s sections, references declared as described above. */
  static WasmModule.Builder copy(WasmModule m) {
    WasmModule.Builder b =
        WasmModule.builder()
            .setTypeSection(m.typeSection())
            .setImportSection(m.importSection())
            .setFunctionSection(m.functionSection())
            .setTableSection(m.tableSection())
            .setGlobalSection(m.globalSection())
            .setExportSection(m.exportSection())
            .setElementSection(declaringReferences(m))
            .setCodeSection(m.codeSection())
            .setDataSection(m.dataSection())
            .withValidation(true);
    m.memorySection().ifPresent(b::setMemorySection);
    m.startSection().ifPresent(b::setStartSection);
    m.dataCountSection().ifPresent(b::setDataCountSection);
    m.tagSection().ifPresent(b::setTagSection);
    return b;
  }

  private static ElementSection declaringReferences(WasmModule m) {
    Set<Integer> referenced = new TreeSet<>();
    for (FunctionBody body : m.codeSection().functionBodies()) {
      for (Instruction ins : body.instructions()) {
        if (ins.opcode() == OpCode.REF_FUNC) {
          referenced.add((int) ins.operand(0));
        }
      }
    }
    if (referenced.isEmpty()) {
      return m.elementSection();
    }
    ElementSection.Builder section = ElementSection.builder();
    for (Element e : m.elementSection().elements()) {
      section.addElement(e);
    }
    List<List<Instruction>> items = new ArrayList<>();
    for (int f : referenced) {
      items.add(
          List.of(
              new Instruction(-1, OpCode.REF_FUNC, new long[] {f}),
              new Instruction(-1, OpCode.END, Instruction.EMPTY_OPERANDS)));
    }
    section.addElement(new DeclarativeElement(ValType.FuncRef, items));
    return section.build();
  }
}
