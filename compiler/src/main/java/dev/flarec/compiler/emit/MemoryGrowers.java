package dev.flarec.compiler.emit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import run.endive.wasm.types.AnnotatedInstruction;
import run.endive.wasm.types.OpCode;

/**
 * Which functions may grow a memory before they return, replacing its array: those that execute
 * {@code memory.grow}, call an import (the host may grow the memory, or call back into the module)
 * or call through a table or a reference (any function may be the target), and those that call one
 * of them directly. Compiled code keeps memory 0's array and size in JVM locals and reads them
 * again after a call that may grow it; after a call of any other function it need not
 * (docs/RATIONALE.md#why-calls-of-functions-that-never-grow-memory-keep-the-memory-array).
 */
final class MemoryGrowers {
  private MemoryGrowers() {}

  /**
   * The functions, by index (imports first), that may grow a memory; {@code bodies} are the defined
   * functions' instructions, the first at index {@code importedFunctions}.
   */
  static BitSet of(
      int importedFunctions, List<List<AnnotatedInstruction>> bodies, OpcodeTable table) {
    int count = importedFunctions + bodies.size();
    BitSet grows = new BitSet(count);
    grows.set(0, importedFunctions);
    List<List<Integer>> callers = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      callers.add(new ArrayList<>());
    }
    for (int k = 0; k < bodies.size(); k++) {
      int fn = importedFunctions + k;
      for (AnnotatedInstruction ins : bodies.get(k)) {
        OpCode op = ins.opcode();
        if (op == OpCode.CALL || op == OpCode.RETURN_CALL) {
          callers.get((int) ins.operand(0)).add(fn);
        } else {
          OpcodeRow row = table.rowOrNull(op);
          if (row != null && row.mayGrowMemory()) {
            grows.set(fn);
          }
        }
      }
    }
    // whoever calls a function that may grow memory may too: a walk up the callers
    ArrayDeque<Integer> pending = new ArrayDeque<>();
    for (int i = grows.nextSetBit(0); i >= 0; i = grows.nextSetBit(i + 1)) {
      pending.add(i);
    }
    while (!pending.isEmpty()) {
      for (int caller : callers.get(pending.poll())) {
        if (!grows.get(caller)) {
          grows.set(caller);
          pending.add(caller);
        }
      }
    }
    return grows;
  }
}
