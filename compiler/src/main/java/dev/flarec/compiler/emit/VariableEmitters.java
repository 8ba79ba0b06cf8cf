package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.flarec.compiler.layout.NamingScheme;
import dev.flarec.runtime.types.ValueType;

/**
 * {@code local.get/set/tee} (JVM locals) and {@code global.get/set}: a typed field of the generated
 * class, or for shared globals the typed field of their cell.
 */
final class VariableEmitters {
  private VariableEmitters() {}

  /** A {@code v128} local kept in two long JVM locals (or four lanes) is read into them. */
  static HalvesEmitter localGet() {
    return (f, ins) -> {
      int idx = (int) ins.operand(0);
      if (f.localInHalves(idx)) {
        f.loadLocalHalves(idx);
      } else {
        f.loadLocal(idx);
        f.push(f.localType(idx));
      }
    };
  }

  static HalvesEmitter localSet() {
    return (f, ins) -> {
      int idx = (int) ins.operand(0);
      if (f.localInHalves(idx)) {
        f.storeLocalHalves(idx, false);
      } else {
        f.materializeOperands(1);
        f.pop();
        f.storeLocal(idx);
      }
    };
  }

  static HalvesEmitter localTee() {
    return (f, ins) -> {
      int idx = (int) ins.operand(0);
      if (f.localInHalves(idx)) {
        f.storeLocalHalves(idx, true);
        return;
      }
      f.materializeOperands(1);
      ValueType t = f.peek(0);
      f.mv().visitInsn(t.slots() == 2 ? DUP2 : DUP);
      f.storeLocal(idx);
    };
  }

  static TopOnlyEmitter globalGet() {
    return (f, ins) -> {
      int idx = (int) ins.operand(0);
      ModuleInfo m = f.module();
      ValueType t = m.globalType(idx);
      f.loadInstance();
      f.mv()
          .visitFieldInsn(
              GETFIELD, m.internalName, NamingScheme.globalField(idx), m.globalFieldDesc(idx));
      if (m.globalInCell(idx)) {
        f.mv().visitFieldInsn(GETFIELD, RuntimeNames.globalCell(t), "value", cellValueDesc(t));
      }
      f.push(t);
    };
  }

  static TopOnlyEmitter globalSet() {
    return (f, ins) -> {
      int idx = (int) ins.operand(0);
      ModuleInfo m = f.module();
      ValueType t = f.pop();
      f.loadInstance();
      if (m.globalInCell(idx)) {
        f.mv()
            .visitFieldInsn(
                GETFIELD, m.internalName, NamingScheme.globalField(idx), m.globalFieldDesc(idx));
      }
      // [value, holder] -> [holder, value]
      if (t.slots() == 2) {
        f.mv().visitInsn(DUP_X2);
        f.mv().visitInsn(POP);
      } else {
        f.mv().visitInsn(SWAP);
      }
      if (m.globalInCell(idx)) {
        f.mv().visitFieldInsn(PUTFIELD, RuntimeNames.globalCell(t), "value", cellValueDesc(t));
      } else {
        f.mv()
            .visitFieldInsn(
                PUTFIELD, m.internalName, NamingScheme.globalField(idx), t.descriptor());
      }
    };
  }

  static String cellValueDesc(ValueType t) {
    return t.descriptor();
  }
}
