package dev.flarec.compiler.testing;

import dev.flarec.compiler.CompiledModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * What a generated method contains, for tests that check where code went: the labels of its {@code
 * tableswitch}es, the names of the methods it calls, its descriptor, and how many {@code laload}s
 * it makes (reads of a split function's heap frame: generated code has no other {@code long[]}),
 * how many times it stores an {@code int} zero in a local ({@code iconst_0} directly followed by
 * {@code istore}), and the names of the fields it reads ({@code getfield}), in order.
 */
public record MethodShape(
    int tableSwitchLabels,
    List<String> calls,
    String descriptor,
    int frameLoads,
    int zeroStores,
    List<String> fieldReads) {
  /** Every method of every generated class, by name. */
  public static Map<String, MethodShape> of(CompiledModule compiled) {
    Map<String, MethodShape> shapes = new LinkedHashMap<>();
    for (byte[] classFile : compiled.classFiles().values()) {
      ClassNode c = new ClassNode();
      new ClassReader(classFile).accept(c, ClassReader.SKIP_DEBUG);
      for (MethodNode m : c.methods) {
        shapes.put(m.name, of(m));
      }
    }
    return shapes;
  }

  private static MethodShape of(MethodNode m) {
    int labels = 0;
    int frameLoads = 0;
    int zeroStores = 0;
    List<String> calls = new ArrayList<>();
    List<String> fieldReads = new ArrayList<>();
    for (AbstractInsnNode insn : m.instructions) {
      switch (insn.getOpcode()) {
        case Opcodes.TABLESWITCH -> labels += ((TableSwitchInsnNode) insn).labels.size();
        case Opcodes.LALOAD -> frameLoads++;
        case Opcodes.ICONST_0 -> {
          AbstractInsnNode next = insn.getNext();
          if (next != null && next.getOpcode() == Opcodes.ISTORE) {
            zeroStores++;
          }
        }
        case Opcodes.GETFIELD -> fieldReads.add(((FieldInsnNode) insn).name);
        case Opcodes.INVOKESTATIC,
            Opcodes.INVOKEVIRTUAL,
            Opcodes.INVOKESPECIAL,
            Opcodes.INVOKEINTERFACE ->
            calls.add(((MethodInsnNode) insn).name);
        default -> {}
      }
    }
    return new MethodShape(labels, calls, m.desc, frameLoads, zeroStores, fieldReads);
  }
}
