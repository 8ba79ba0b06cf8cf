package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.flarec.compiler.layout.JvmTypes;
import dev.flarec.compiler.layout.NamingScheme;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The small static methods that keep call sites a single {@code invokestatic}:
 *
 * <ul>
 *   <li>{@code call$importN}: calls imported function N through its {@code MethodHandle};
 *   <li>{@code call$indirect$typeT$tableK}: {@code call_indirect} of type T through table K. The
 *       table checks the index, null and the signature; a function of this same instance is then
 *       called directly through {@code dispatch$typeT$N} (a switch on the function index), any
 *       other (host functions, other instances) through its handle. See
 *       docs/RATIONALE.md#why-call_indirect-switches-on-the-function-index.
 * </ul>
 */
final class BridgeEmitter {
  /** Dispatch switches with more chunks than this fall back to the handle for every call. */
  private static final int MAX_DISPATCH_CHUNKS = 64;

  private final ClassWriter cw;
  private final ModuleInfo module;
  private final MethodBudget methodBudget;

  BridgeEmitter(ClassWriter cw, ModuleInfo module, MethodBudget methodBudget) {
    this.cw = cw;
    this.module = module;
    this.methodBudget = methodBudget;
  }

  void emitImportBridges() {
    for (int i = 0; i < module.importedFunctions; i++) {
      FunctionType type = module.functionType(i);
      MethodVisitor mv =
          open(NamingScheme.importBridge(i), JvmTypes.methodDescriptor(type, module.instanceDesc));
      mv.visitVarInsn(ALOAD, paramSlots(type));
      mv.visitFieldInsn(
          GETFIELD,
          module.internalName,
          NamingScheme.importField(i),
          "L" + RuntimeNames.METHOD_HANDLE + ";");
      invokeExactAndReturn(mv, type);
    }
  }

  /**
   * Pushes the owner of the {@code FunctionRef} in {@code refSlot}: its instance, null for a host
   * function.
   */
  static void pushOwner(MethodVisitor mv, int refSlot) {
    mv.visitVarInsn(ALOAD, refSlot);
    mv.visitMethodInsn(
        INVOKEVIRTUAL,
        RuntimeNames.FUNCTION_REF,
        "owner",
        "()" + RuntimeNames.INSTANCE_DESC,
        false);
  }

  /**
   * Pushes the function in element {@code elementSlot} of table {@code tableIndex}, checked against
   * type {@code typeIndex} by {@code Table.functionForCall} (which traps on a null or mismatched
   * element): the lookup of every indirect call, ordinary or tail.
   */
  static void pushFunctionForCall(
      MethodVisitor mv,
      ModuleInfo module,
      int tableIndex,
      int typeIndex,
      int elementSlot,
      int instanceSlot) {
    mv.visitVarInsn(ALOAD, instanceSlot);
    mv.visitFieldInsn(
        GETFIELD,
        module.internalName,
        NamingScheme.tableField(tableIndex),
        RuntimeNames.TABLE_DESC);
    mv.visitVarInsn(ILOAD, elementSlot);
    mv.visitVarInsn(ALOAD, instanceSlot);
    JvmConstants.pushInt(mv, typeIndex);
    mv.visitMethodInsn(
        INVOKEVIRTUAL,
        RuntimeNames.INSTANCE,
        "type",
        "(I)L" + RuntimeNames.FUNCTION_TYPE + ";",
        false);
    mv.visitMethodInsn(
        INVOKEVIRTUAL,
        RuntimeNames.TABLE,
        "functionForCall",
        "(IL" + RuntimeNames.FUNCTION_TYPE + ";)L" + RuntimeNames.FUNCTION_REF + ";",
        false);
  }

  void emitIndirectBridges() {
    java.util.Set<Integer> dispatched = new java.util.HashSet<>();
    for (long key : module.indirectCalls) {
      int typeIndex = (int) (key >>> 32);
      int tableIndex = (int) key;
      FunctionType type = module.type(typeIndex);
      List<List<Integer>> chunks = dispatchChunks(type);
      if (!chunks.isEmpty() && dispatched.add(typeIndex)) {
        emitDispatch(typeIndex, chunks);
      }
      MethodVisitor mv =
          open(
              NamingScheme.indirectBridge(typeIndex, tableIndex),
              JvmTypes.methodDescriptor(type, "I", module.instanceDesc));
      int elementSlot = paramSlots(type);
      int instanceSlot = elementSlot + 1;
      int refSlot = instanceSlot + 1;
      pushFunctionForCall(mv, module, tableIndex, typeIndex, elementSlot, instanceSlot);
      mv.visitVarInsn(ASTORE, refSlot);
      if (!chunks.isEmpty()) {
        Label viaHandle = new Label();
        pushOwner(mv, refSlot);
        mv.visitVarInsn(ALOAD, instanceSlot);
        mv.visitJumpInsn(IF_ACMPNE, viaHandle);
        for (int c = 0; c < chunks.size(); c++) {
          List<Integer> chunk = chunks.get(c);
          Label next = new Label();
          if (c < chunks.size() - 1) {
            mv.visitVarInsn(ALOAD, refSlot);
            mv.visitMethodInsn(INVOKEVIRTUAL, RuntimeNames.FUNCTION_REF, "index", "()I", false);
            JvmConstants.pushInt(mv, chunk.get(chunk.size() - 1));
            mv.visitJumpInsn(IF_ICMPGT, next);
          }
          loadParams(mv, type);
          mv.visitVarInsn(ALOAD, refSlot);
          mv.visitMethodInsn(INVOKEVIRTUAL, RuntimeNames.FUNCTION_REF, "index", "()I", false);
          mv.visitVarInsn(ALOAD, instanceSlot);
          mv.visitMethodInsn(
              INVOKESTATIC,
              module.internalName,
              dispatchName(typeIndex, c),
              JvmTypes.methodDescriptor(type, "I", module.instanceDesc),
              false);
          returnResult(mv, type);
          mv.visitLabel(next);
        }
        mv.visitLabel(viaHandle);
      }
      mv.visitVarInsn(ALOAD, refSlot);
      mv.visitMethodInsn(
          INVOKEVIRTUAL,
          RuntimeNames.FUNCTION_REF,
          "handle",
          "()L" + RuntimeNames.METHOD_HANDLE + ";",
          false);
      invokeExactAndReturn(mv, type);
    }
  }

  /**
   * The module's own functions of this type, in index order, cut into chunks whose switch fits the
   * method budget; empty when direct dispatch is not worth it (wide types, none, too many).
   */
  private List<List<Integer>> dispatchChunks(FunctionType type) {
    List<List<Integer>> chunks = new ArrayList<>();
    if (type.isWide()) {
      return chunks;
    }
    int perCase = 12 + 2 * type.params().size();
    int perChunk = methodBudget.itemsPerMethod(perCase);
    List<Integer> current = new ArrayList<>();
    for (int i = module.importedFunctions; i < module.descriptor.functions().size(); i++) {
      // a function of a declared subtype passes the signature check too: same shape, same switch
      if (module.functionType(i).sameValueTypes(type)) {
        current.add(i);
        if (current.size() == perChunk) {
          chunks.add(current);
          current = new ArrayList<>();
        }
      }
    }
    if (!current.isEmpty()) {
      chunks.add(current);
    }
    return chunks.size() > MAX_DISPATCH_CHUNKS ? List.of() : chunks;
  }

  private static String dispatchName(int typeIndex, int chunk) {
    return "dispatch$type" + typeIndex + "$" + chunk;
  }

  /** {@code dispatch$typeT$N(params..., int function, instance)}: a switch of direct calls. */
  private void emitDispatch(int typeIndex, List<List<Integer>> chunks) {
    FunctionType type = module.type(typeIndex);
    for (int c = 0; c < chunks.size(); c++) {
      List<Integer> functions = chunks.get(c);
      MethodVisitor mv =
          open(
              dispatchName(typeIndex, c),
              JvmTypes.methodDescriptor(type, "I", module.instanceDesc));
      int functionSlot = paramSlots(type);
      int[] keys = functions.stream().mapToInt(Integer::intValue).toArray();
      Label[] cases = new Label[keys.length];
      for (int k = 0; k < keys.length; k++) {
        cases[k] = new Label();
      }
      Label impossible = new Label();
      mv.visitVarInsn(ILOAD, functionSlot);
      mv.visitLookupSwitchInsn(impossible, keys, cases);
      for (int k = 0; k < keys.length; k++) {
        mv.visitLabel(cases[k]);
        loadParams(mv, type);
        mv.visitVarInsn(ALOAD, functionSlot + 1);
        mv.visitMethodInsn(
            INVOKESTATIC,
            module.callOwner(keys[k]),
            module.callTarget(keys[k]),
            JvmTypes.methodDescriptor(type, module.instanceDesc),
            false);
        returnResult(mv, type);
      }
      mv.visitLabel(impossible);
      mv.visitMethodInsn(
          INVOKESTATIC, RuntimeNames.TRAP, "unreachable", RuntimeNames.TRAP_FACTORY_DESC, false);
      mv.visitInsn(ATHROW);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }
  }

  private MethodVisitor open(String name, String descriptor) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, name, descriptor, null, null);
    mv.visitCode();
    return mv;
  }

  /** With a MethodHandle on the stack: loads the parameters, invokes exactly, returns. */
  private static void invokeExactAndReturn(MethodVisitor mv, FunctionType type) {
    loadParams(mv, type);
    mv.visitMethodInsn(
        INVOKEVIRTUAL,
        RuntimeNames.METHOD_HANDLE,
        "invokeExact",
        JvmTypes.methodDescriptor(type),
        false);
    returnResult(mv, type);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private static void loadParams(MethodVisitor mv, FunctionType type) {
    if (type.isWide()) {
      mv.visitVarInsn(ALOAD, 0); // the boxed arguments
      return;
    }
    int slot = 0;
    for (ValueType p : type.params()) {
      mv.visitVarInsn(JvmTypes.loadOpcode(p), slot);
      slot += p.slots();
    }
  }

  private static void returnResult(MethodVisitor mv, FunctionType type) {
    List<ValueType> results = type.results();
    if (results.isEmpty()) {
      mv.visitInsn(RETURN);
    } else if (results.size() == 1) {
      mv.visitInsn(JvmTypes.returnOpcode(results.get(0)));
    } else {
      mv.visitInsn(ARETURN);
    }
  }

  private static int paramSlots(FunctionType type) {
    if (type.isWide()) {
      return 1;
    }
    int slots = 0;
    for (ValueType p : type.params()) {
      slots += p.slots();
    }
    return slots;
  }
}
