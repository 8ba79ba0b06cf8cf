package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

/**
 * Structured control: {@code block}, {@code loop}, {@code if}/{@code else}, {@code end}, branches,
 * {@code return}, {@code unreachable}, {@code nop}. The logic of frames and branch fix-ups lives in
 * {@link ControlLowering}; these rows only decode operands.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/exec/instructions.html#control-instructions">Wasm
 *     2.0 §4.4.8</a>
 */
final class ControlEmitters {
  private ControlEmitters() {}

  static Emitter nop() {
    return (f, ins) -> {};
  }

  static Emitter unreachable() {
    return (f, ins) -> {
      f.mv()
          .visitMethodInsn(
              INVOKESTATIC,
              RuntimeNames.TRAP,
              "unreachable",
              RuntimeNames.TRAP_FACTORY_DESC,
              false);
      f.mv().visitInsn(ATHROW);
      f.markUnreachable();
    };
  }

  static Emitter block() {
    return (f, ins) -> f.enterBlock(ControlFrame.Kind.BLOCK, ins.operand(0));
  }

  static Emitter loop() {
    return (f, ins) -> f.enterBlock(ControlFrame.Kind.LOOP, ins.operand(0));
  }

  static Emitter ifThen() {
    return (f, ins) -> {
      f.pop();
      f.enterIf(Condition.NONZERO, ins.operand(0));
    };
  }

  static Emitter elseArm() {
    return (f, ins) -> f.elseArm();
  }

  static Emitter end() {
    return (f, ins) -> f.end();
  }

  static Emitter br() {
    return (f, ins) -> f.branch((int) ins.operand(0));
  }

  static Emitter brIf() {
    return (f, ins) -> {
      f.pop();
      f.branchIf(Condition.NONZERO, (int) ins.operand(0));
    };
  }

  static Emitter brTable() {
    return (f, ins) -> {
      f.pop();
      f.branchTable(ins.operands());
    };
  }

  static Emitter ret() {
    return (f, ins) -> {
      f.emitReturn();
      f.markUnreachable();
    };
  }
}
