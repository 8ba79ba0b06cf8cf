package dev.flarec.compiler.testing;

import dev.flarec.compiler.CompiledModule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What a generated method contains, for tests that check where code went: the labels of its {@code
 * tableswitch}es, the names of the methods it calls, its descriptor, and how many {@code laload}s
 * it makes (reads of a split function's heap frame: generated code has no other {@code long[]}),
 * how many times it stores an {@code int} zero in a local ({@code iconst_0} then {@code istore}),
 * and the names of the fields it reads ({@code getfield}), in order.
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
      new ClassReader(classFile)
          .accept(
              new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(
                    int access, String name, String desc, String signature, String[] exceptions) {
                  List<String> calls = new ArrayList<>();
                  int[] labels = {0};
                  int[] frameLoads = {0};
                  int[] zeroStores = {0};
                  List<String> fieldReads = new ArrayList<>();
                  return new MethodVisitor(Opcodes.ASM9) {
                    private boolean afterZero;

                    @Override
                    public void visitVarInsn(int opcode, int slot) {
                      if (afterZero && opcode == Opcodes.ISTORE) {
                        zeroStores[0]++;
                      }
                      afterZero = false;
                    }

                    @Override
                    public void visitJumpInsn(int opcode, Label label) {
                      afterZero = false;
                    }

                    @Override
                    public void visitIntInsn(int opcode, int operand) {
                      afterZero = false;
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                      afterZero = false;
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String n, String d) {
                      if (opcode == Opcodes.GETFIELD) {
                        fieldReads.add(n);
                      }
                      afterZero = false;
                    }

                    @Override
                    public void visitTableSwitchInsn(
                        int min, int max, Label dflt, Label... targets) {
                      labels[0] += targets.length;
                      afterZero = false;
                    }

                    @Override
                    public void visitInsn(int opcode) {
                      if (opcode == Opcodes.LALOAD) {
                        frameLoads[0]++;
                      }
                      afterZero = opcode == Opcodes.ICONST_0;
                    }

                    @Override
                    public void visitMethodInsn(
                        int opcode, String owner, String callee, String d, boolean itf) {
                      calls.add(callee);
                      afterZero = false;
                    }

                    @Override
                    public void visitEnd() {
                      shapes.put(
                          name,
                          new MethodShape(
                              labels[0], calls, desc, frameLoads[0], zeroStores[0], fieldReads));
                    }
                  };
                }
              },
              ClassReader.SKIP_DEBUG);
    }
    return shapes;
  }
}
