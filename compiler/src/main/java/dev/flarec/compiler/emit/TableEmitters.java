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

  private static void loadTable(EmitContext f, int index) {
    f.loadInstance();
    f.mv()
        .visitFieldInsn(
            GETFIELD,
            f.module().internalName,
            NamingScheme.tableField(index),
            RuntimeNames.TABLE_DESC);
  }

  /** Whether table {@code index} takes i64 indices (table64). */
  private static boolean is64(EmitContext f, int index) {
    return f.module().descriptor.tables().get(index).is64();
  }

  /** "J" for a 64-bit table's index operand, "I" for a 32-bit one's. */
  private static String indexDesc(EmitContext f, int index) {
    return is64(f, index) ? "J" : "I";
  }

  private static void callTable(EmitContext f, String name, String desc) {
    f.mv().visitMethodInsn(INVOKESTATIC, RuntimeNames.TABLE, name, desc, false);
  }

  static Emitter get() {
    return (f, ins) -> {
      int t = (int) ins.operand(0);
      f.pop();
      loadTable(f, t);
      callTable(
          f,
          "get",
          "(" + indexDesc(f, t) + RuntimeNames.TABLE_DESC + ")" + RuntimeNames.OBJECT_DESC);
      f.push(f.module().tableElementType(t));
    };
  }

  static Emitter set() {
    return (f, ins) -> {
      f.pop();
      f.pop();
      int t = (int) ins.operand(0);
      loadTable(f, t);
      callTable(
          f,
          "set",
          "(" + indexDesc(f, t) + RuntimeNames.OBJECT_DESC + RuntimeNames.TABLE_DESC + ")V");
    };
  }

  static Emitter size() {
    return (f, ins) -> {
      int t = (int) ins.operand(0);
      loadTable(f, t);
      f.mv().visitMethodInsn(INVOKEVIRTUAL, RuntimeNames.TABLE, "size", "()I", false);
      if (is64(f, t)) {
        f.mv().visitInsn(I2L);
        f.push(ValueType.I64);
      } else {
        f.push(ValueType.I32);
      }
    };
  }

  static Emitter grow() {
    return (f, ins) -> {
      f.pop();
      f.pop();
      int t = (int) ins.operand(0);
      loadTable(f, t);
      String i = indexDesc(f, t);
      callTable(f, "grow", "(" + RuntimeNames.OBJECT_DESC + i + RuntimeNames.TABLE_DESC + ")" + i);
      f.push(is64(f, t) ? ValueType.I64 : ValueType.I32);
    };
  }

  static Emitter fill() {
    return (f, ins) -> {
      f.pop();
      f.pop();
      f.pop();
      int t = (int) ins.operand(0);
      loadTable(f, t);
      String i = indexDesc(f, t);
      callTable(f, "fill", "(" + i + RuntimeNames.OBJECT_DESC + i + RuntimeNames.TABLE_DESC + ")V");
    };
  }

  /** {@code table.copy dst src}: operands are the destination then the source table index. */
  static Emitter copy() {
    return (f, ins) -> {
      f.pop();
      f.pop();
      f.pop();
      int dst = (int) ins.operand(0);
      int src = (int) ins.operand(1);
      loadTable(f, dst);
      loadTable(f, src);
      // the count is an i64 only when both tables are 64-bit
      String count = is64(f, dst) && is64(f, src) ? "J" : "I";
      callTable(
          f,
          "copy",
          "("
              + indexDesc(f, dst)
              + indexDesc(f, src)
              + count
              + RuntimeNames.TABLE_DESC
              + RuntimeNames.TABLE_DESC
              + ")V");
    };
  }

  /** {@code table.init seg table}: operands are the segment then the table index. */
  static Emitter init() {
    return (f, ins) -> {
      f.pop();
      f.pop();
      f.pop();
      int t = (int) ins.operand(1);
      loadTable(f, t);
      f.pushInt((int) ins.operand(0));
      f.loadInstance();
      f.mv()
          .visitMethodInsn(
              INVOKESTATIC,
              RuntimeNames.INSTANCE,
              "tableInit",
              "("
                  + indexDesc(f, t)
                  + "II"
                  + RuntimeNames.TABLE_DESC
                  + "I"
                  + RuntimeNames.INSTANCE_DESC
                  + ")V",
              false);
    };
  }

  static Emitter elemDrop() {
    return (f, ins) -> {
      f.pushInt((int) ins.operand(0));
      f.loadInstance();
      f.mv()
          .visitMethodInsn(
              INVOKESTATIC,
              RuntimeNames.INSTANCE,
              "elemDrop",
              "(I" + RuntimeNames.INSTANCE_DESC + ")V",
              false);
    };
  }
}
