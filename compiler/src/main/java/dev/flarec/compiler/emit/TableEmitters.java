package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.flarec.compiler.layout.NamingScheme;
import dev.flarec.runtime.types.ValueType;

/**
 * {@code table.get/set/size/grow/fill/copy/init} and {@code elem.drop}: calls into {@code Table},
 * which does the bounds checks that report table traps.
 *
 * @see <a
 *     href="https://webassembly.github.io/spec/core/exec/instructions.html#table-instructions">Wasm
 *     2.0 §4.4.6</a>
 */
final class TableEmitters {
  private TableEmitters() {}

  private static void loadTable(FunctionEmitter f, int index) {
    f.loadInstance();
    f.mv.visitFieldInsn(
        GETFIELD, f.module.internalName, NamingScheme.tableField(index), RuntimeNames.TABLE_DESC);
  }

  private static void callTable(FunctionEmitter f, String name, String desc) {
    f.mv.visitMethodInsn(INVOKESTATIC, RuntimeNames.TABLE, name, desc, false);
  }

  static Emitter get() {
    return (f, ins) -> {
      int t = (int) ins.operand(0);
      f.pop();
      loadTable(f, t);
      callTable(f, "get", "(I" + RuntimeNames.TABLE_DESC + ")" + RuntimeNames.OBJECT_DESC);
      f.push(f.module.tableElementType(t));
    };
  }

  static Emitter set() {
    return (f, ins) -> {
      f.pop();
      f.pop();
      loadTable(f, (int) ins.operand(0));
      callTable(f, "set", "(I" + RuntimeNames.OBJECT_DESC + RuntimeNames.TABLE_DESC + ")V");
    };
  }

  static Emitter size() {
    return (f, ins) -> {
      loadTable(f, (int) ins.operand(0));
      f.mv.visitMethodInsn(INVOKEVIRTUAL, RuntimeNames.TABLE, "size", "()I", false);
      f.push(ValueType.I32);
    };
  }

  static Emitter grow() {
    return (f, ins) -> {
      f.pop();
      f.pop();
      loadTable(f, (int) ins.operand(0));
      callTable(f, "grow", "(" + RuntimeNames.OBJECT_DESC + "I" + RuntimeNames.TABLE_DESC + ")I");
      f.push(ValueType.I32);
    };
  }

  static Emitter fill() {
    return (f, ins) -> {
      f.pop();
      f.pop();
      f.pop();
      loadTable(f, (int) ins.operand(0));
      callTable(f, "fill", "(I" + RuntimeNames.OBJECT_DESC + "I" + RuntimeNames.TABLE_DESC + ")V");
    };
  }

  /** {@code table.copy dst src}: operands are the destination then the source table index. */
  static Emitter copy() {
    return (f, ins) -> {
      f.pop();
      f.pop();
      f.pop();
      loadTable(f, (int) ins.operand(0));
      loadTable(f, (int) ins.operand(1));
      callTable(f, "copy", "(III" + RuntimeNames.TABLE_DESC + RuntimeNames.TABLE_DESC + ")V");
    };
  }

  /** {@code table.init seg table}: operands are the segment then the table index. */
  static Emitter init() {
    return (f, ins) -> {
      f.pop();
      f.pop();
      f.pop();
      loadTable(f, (int) ins.operand(1));
      f.pushInt((int) ins.operand(0));
      f.loadInstance();
      f.mv.visitMethodInsn(
          INVOKESTATIC,
          RuntimeNames.INSTANCE,
          "tableInit",
          "(III" + RuntimeNames.TABLE_DESC + "I" + RuntimeNames.INSTANCE_DESC + ")V",
          false);
    };
  }

  static Emitter elemDrop() {
    return (f, ins) -> {
      f.pushInt((int) ins.operand(0));
      f.loadInstance();
      f.mv.visitMethodInsn(
          INVOKESTATIC,
          RuntimeNames.INSTANCE,
          "elemDrop",
          "(I" + RuntimeNames.INSTANCE_DESC + ")V",
          false);
    };
  }
}
