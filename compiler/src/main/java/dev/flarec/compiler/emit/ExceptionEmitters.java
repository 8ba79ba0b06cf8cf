package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import run.endive.wasm.types.CatchOpCode;

/**
 * Exception handling (WebAssembly 3.0): {@code throw}, {@code throw_ref} and {@code try_table}. A
 * Wasm exception is a JVM exception ({@code runtime.exception.WasmException}) that carries its tag
 * and boxed payload; a {@code try_table} is a range of the JVM exception table whose handler tests
 * the tag of each clause in turn and branches. The frame logic lives in {@link ControlLowering}
 * ({@code enterTryTable}, and {@code end} emitting the handler). See
 * docs/RATIONALE.md#why-wasm-exceptions-are-jvm-exceptions.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/exec/instructions.html#control-instructions">Wasm
 *     3.0 control instructions</a>
 */
final class ExceptionEmitters {
  private ExceptionEmitters() {}

  /** {@code throw x}: box the payload, make the exception of this instance's tag x, throw it. */
  static Emitter throwTag() {
    return (f, ins) -> {
      int tag = (int) ins.operand(0);
      f.boxTop(f.module().tagType(tag).params().size());
      f.pushInt(tag);
      f.loadInstance();
      f.mv()
          .visitMethodInsn(
              INVOKESTATIC,
              RuntimeNames.INSTANCE,
              "newException",
              "([Ljava/lang/Object;I"
                  + RuntimeNames.INSTANCE_DESC
                  + ")L"
                  + RuntimeNames.WASM_EXCEPTION
                  + ";",
              false);
      f.mv().visitInsn(ATHROW);
      f.markUnreachable();
    };
  }

  /** {@code throw_ref}: throw the very exception the exnref holds (a null one traps). */
  static Emitter throwRef() {
    return (f, ins) -> {
      f.pop();
      f.mv()
          .visitMethodInsn(
              INVOKESTATIC,
              RuntimeNames.WASM_EXCEPTION,
              "rethrow",
              "(Ljava/lang/Object;)L" + RuntimeNames.WASM_EXCEPTION + ";",
              false);
      f.mv().visitInsn(ATHROW);
      f.markUnreachable();
    };
  }

  static Emitter tryTable() {
    return (f, ins) -> f.enterTryTable(ins.operand(0), CatchOpCode.decode(ins.operands()));
  }
}
