package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flarec.compiler.validate.Wasm2Opcodes;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import run.endive.wasm.types.OpCode;

class EmitterTableTest {
  @Test
  void everyWasm2InstructionHasExactlyOneRow() {
    Set<OpCode> core = EnumSet.noneOf(OpCode.class);
    for (OpCode op : OpCode.values()) {
      if (Wasm2Opcodes.isCore(op)) {
        core.add(op);
      }
    }
    Set<OpCode> rows = EnumSet.copyOf(new EmitterTable().opcodes());

    Set<OpCode> missing = EnumSet.copyOf(core);
    missing.removeAll(rows);
    Set<OpCode> extra = EnumSet.copyOf(rows);
    extra.removeAll(core);
    assertEquals(Set.of(), missing, "2.0 instructions without an emitter");
    assertEquals(Set.of(), extra, "emitters for instructions outside 2.0");
  }
}
