package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.flarec.compiler.layout.JvmTypes;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import run.endive.wasm.types.AnnotatedInstruction;
import run.endive.wasm.types.OpCode;

/**
 * The module-level half of tail calls: which functions run behind a trampoline, and the generated
 * members that carry a pending tail call from the function that makes it to the trampoline that
 * runs it (see docs/RATIONALE.md#why-tail-calls-return-to-a-trampoline).
 *
 * <p>A {@code return_call} of a function to itself, in a method that is the whole function, is a
 * jump to the function's entry and needs nothing here. Any other tail call stores its arguments in
 * fields of the instance ({@code tail$I0}, {@code tail$J0}, ... by JVM type), the callee's index
 * plus one in {@code tail$target}, and returns zeros. A function that makes such a call ("tail
 * calling") has its code in {@code NAME$tc}; its ordinary method {@code NAME}, which every other
 * call site, export and table keeps calling, is the trampoline: it calls {@code NAME$tc}, then
 * while a call is pending runs it through {@code tail$run$K$N}, a switch over the functions that
 * can be pending, which calls their {@code $tc} method when they have one. Each pending call
 * therefore starts from the trampoline's frame: the JVM stack stays constant however long the
 * chain. Modules without tail calls get none of these members.
 */
final class TailCalls {
  /** Field holding the pending callee's function index plus one; 0 when none is pending. */
  static final String TARGET_FIELD = "tail$target";

  /** Direct tail-call targets (function indices) seen while emitting. */
  private final Set<Integer> directTargets = new TreeSet<>();

  /** Type indices of {@code return_call_indirect} and {@code return_call_ref} sites. */
  private final Set<Integer> indirectTypes = new TreeSet<>();

  /** {@code return_call_indirect} sites as (type index, table index) packed in a long. */
  private final Set<Long> indirectSites = new TreeSet<>();

  /** Trampolined functions, by function index; set before the functions are emitted for good. */
  private boolean[] trampolined = new boolean[0];

  private final ModuleInfo module;

  TailCalls(ModuleInfo module) {
    this.module = module;
  }

  /** True when the module makes tail calls that need the trampoline's members. */
  boolean used() {
    return !directTargets.isEmpty() || !indirectTypes.isEmpty();
  }

  // ---- names ----

  static String bodyName(String methodName) {
    return methodName + "$tc";
  }

  static String directHelper(int callee) {
    return "tail$call$f" + callee;
  }

  static String indirectHelper(int typeIndex, int tableIndex) {
    return "tail$indirect$type" + typeIndex + "$table" + tableIndex;
  }

  static String refHelper(int typeIndex) {
    return "tail$ref$type" + typeIndex;
  }

  private static String runName(char kind, int chunk) {
    return "tail$run$" + kind + "$" + chunk;
  }

  // ---- what the function emitters record ----

  void directCall(int callee) {
    directTargets.add(callee);
  }

  void indirectCall(int typeIndex, int tableIndex) {
    indirectTypes.add(typeIndex);
    indirectSites.add(((long) typeIndex << 32) | tableIndex);
  }

  void refCall(int typeIndex) {
    indirectTypes.add(typeIndex);
  }

  // ---- which functions are trampolined ----

  /**
   * True when {@code fn} makes a tail call that is not a jump to its own entry: a self call is a
   * jump only in a method that is the whole function (see {@link FunctionEmitter#canJumpToSelf}).
   */
  static boolean needsTrampoline(FunctionCode fn) {
    for (AnnotatedInstruction ins : fn.code) {
      OpCode op = ins.opcode();
      if (op == OpCode.RETURN_CALL_INDIRECT || op == OpCode.RETURN_CALL_REF) {
        return true;
      }
      if (op == OpCode.RETURN_CALL && ((int) ins.operand(0) != fn.index || fn.plan.isSplit())) {
        return true;
      }
    }
    return false;
  }

  /** Decides which functions get a trampoline, once their split plans are final. */
  void plan(List<FunctionCode> functions) {
    trampolined = new boolean[module.descriptor.functions().size()];
    for (FunctionCode fn : functions) {
      trampolined[fn.index] = needsTrampoline(fn);
    }
  }

  /** True when some function is trampolined (valid after {@link #plan}). */
  private boolean anyTrampolined() {
    for (boolean t : trampolined) {
      if (t) {
        return true;
      }
    }
    return false;
  }

  boolean isTrampolined(int functionIndex) {
    return functionIndex < trampolined.length && trampolined[functionIndex];
  }

  // ---- argument fields ----

  /** The JVM kinds of the values a call of {@code type} passes: one array for a wide type. */
  private static List<Character> argumentKinds(FunctionType type) {
    List<Character> kinds = new ArrayList<>();
    if (type.isWide()) {
      kinds.add('A');
      return kinds;
    }
    for (ValueType p : type.params()) {
      kinds.add(kind(p));
    }
    return kinds;
  }

  private static char kind(ValueType t) {
    return switch (t) {
      case I32 -> 'I';
      case I64 -> 'J';
      case F32 -> 'F';
      case F64 -> 'D';
      case FUNCREF, EXTERNREF, EXNREF, V128 -> 'A';
    };
  }

  private static String fieldDesc(char kind) {
    return kind == 'A' ? RuntimeNames.OBJECT_DESC : String.valueOf(kind);
  }

  private static int opcode(char kind, int intOp) {
    int offset =
        switch (kind) {
          case 'I' -> 0;
          case 'J' -> 1;
          case 'F' -> 2;
          case 'D' -> 3;
          default -> 4;
        };
    return intOp + offset;
  }

  /**
   * Stores the arguments of a call of {@code type}, in the JVM locals from slot 0, into the
   * argument fields of the instance in {@code instanceSlot}.
   */
  private void storeArguments(MethodVisitor mv, FunctionType type, int instanceSlot) {
    int slot = 0;
    int[] used = new int[128];
    for (char k : argumentKinds(type)) {
      mv.visitVarInsn(ALOAD, instanceSlot);
      mv.visitVarInsn(opcode(k, ILOAD), slot);
      mv.visitFieldInsn(PUTFIELD, module.internalName, "tail$" + k + used[k]++, fieldDesc(k));
      slot += k == 'J' || k == 'D' ? 2 : 1;
    }
  }

  /** Pushes the arguments of a pending call of {@code type} from the argument fields. */
  private void loadArguments(MethodVisitor mv, FunctionType type, int instanceSlot) {
    int[] used = new int[128];
    List<Character> kinds = argumentKinds(type);
    for (int i = 0; i < kinds.size(); i++) {
      char k = kinds.get(i);
      mv.visitVarInsn(ALOAD, instanceSlot);
      mv.visitFieldInsn(GETFIELD, module.internalName, "tail$" + k + used[k]++, fieldDesc(k));
      if (type.isWide()) {
        mv.visitTypeInsn(CHECKCAST, "[Ljava/lang/Object;");
      } else if (type.params().get(i) == ValueType.V128) {
        mv.visitTypeInsn(CHECKCAST, JvmTypes.V128_CLASS);
      }
    }
  }

  // ---- generated members ----

  /** The JVM return descriptor of the functions of result kind {@code kind}. */
  private static String returnOfKind(char kind) {
    return switch (kind) {
      case 'M' -> "[Ljava/lang/Object;";
      case 'R' -> RuntimeNames.OBJECT_DESC;
      case 'S' -> "L" + JvmTypes.V128_CLASS + ";";
      default -> String.valueOf(kind);
    };
  }

  /** The dispatch key of a result descriptor: one switch per JVM return type. */
  private static char resultKind(FunctionType type) {
    String d = JvmTypes.returnDescriptor(type.results());
    return switch (d.charAt(0)) {
      case 'V', 'I', 'J', 'F', 'D' -> d.charAt(0);
      case '[' -> 'M';
      default -> d.equals(RuntimeNames.OBJECT_DESC) ? 'R' : 'S';
    };
  }

  /**
   * The trampoline {@code NAME} of a tail-calling function whose code is in {@code NAME$tc} of the
   * same class.
   */
  void emitTrampoline(ClassWriter cw, FunctionCode fn) {
    FunctionType type = fn.type;
    String desc = JvmTypes.methodDescriptor(type, module.instanceDesc);
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, fn.methodName, desc, null, null);
    mv.visitCode();
    int instanceSlot = parameterSlots(type);
    int resultSlot = instanceSlot + 1;
    int targetSlot = resultSlot + 2;
    int outerSlot = targetSlot + 1;
    String ret = JvmTypes.returnDescriptor(type.results());
    JvmConstants.pushInt(mv, fn.index);
    mv.visitVarInsn(ALOAD, instanceSlot);
    mv.visitMethodInsn(
        INVOKESTATIC,
        FOREIGN,
        "enter",
        "(I" + RuntimeNames.INSTANCE_DESC + ")" + RuntimeNames.INSTANCE_DESC,
        false);
    mv.visitVarInsn(ASTORE, outerSlot);
    loadParameters(mv, type);
    mv.visitVarInsn(ALOAD, instanceSlot);
    mv.visitMethodInsn(
        INVOKESTATIC, module.callOwner(fn.index), bodyName(fn.methodName), desc, false);
    storeResult(mv, ret, resultSlot);
    Label loop = new Label();
    Label done = new Label();
    mv.visitLabel(loop);
    mv.visitVarInsn(ALOAD, instanceSlot);
    mv.visitFieldInsn(GETFIELD, module.internalName, TARGET_FIELD, "I");
    mv.visitInsn(DUP);
    mv.visitVarInsn(ISTORE, targetSlot);
    mv.visitJumpInsn(IFEQ, done);
    mv.visitVarInsn(ALOAD, instanceSlot);
    mv.visitInsn(ICONST_0);
    mv.visitFieldInsn(PUTFIELD, module.internalName, TARGET_FIELD, "I");
    mv.visitVarInsn(ILOAD, targetSlot);
    mv.visitVarInsn(ALOAD, instanceSlot);
    mv.visitMethodInsn(
        INVOKESTATIC,
        module.internalName,
        runName(resultKind(type), 0),
        "(I" + module.instanceDesc + ")" + ret,
        false);
    storeResult(mv, ret, resultSlot);
    mv.visitJumpInsn(GOTO, loop);
    mv.visitLabel(done);
    Label finish = new Label();
    mv.visitVarInsn(ALOAD, instanceSlot);
    mv.visitMethodInsn(
        INVOKESTATIC, FOREIGN, "pending", "(" + RuntimeNames.INSTANCE_DESC + ")Z", false);
    mv.visitJumpInsn(IFEQ, finish);
    runForeign(mv, type, instanceSlot, outerSlot);
    mv.visitLabel(finish);
    if (ret.equals("V")) {
      mv.visitInsn(RETURN);
    } else {
      mv.visitVarInsn(loadOp(ret), resultSlot);
      mv.visitInsn(returnOp(ret));
    }
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private static final String FOREIGN = "dev/flarec/runtime/instance/ForeignTailCalls";

  /**
   * The end of a trampoline whose chain left a tail call into another instance: {@code
   * ForeignTailCalls.run} hands it to the trampoline this one continues, if any (this one then
   * returns zeros, which that one ignores), or makes it, and this one returns its results.
   */
  private static void runForeign(MethodVisitor mv, FunctionType type, int instanceSlot, int outer) {
    mv.visitVarInsn(ALOAD, instanceSlot);
    mv.visitVarInsn(ALOAD, outer);
    mv.visitMethodInsn(
        INVOKESTATIC,
        FOREIGN,
        "run",
        "("
            + RuntimeNames.INSTANCE_DESC
            + RuntimeNames.INSTANCE_DESC
            + ")"
            + RuntimeNames.OBJECT_DESC,
        false);
    Label made = new Label();
    mv.visitVarInsn(ALOAD, outer);
    mv.visitJumpInsn(IFNULL, made);
    mv.visitInsn(POP);
    returnZeros(mv, type);
    mv.visitLabel(made);
    List<ValueType> results = type.results();
    if (results.isEmpty()) {
      mv.visitInsn(POP);
      mv.visitInsn(RETURN);
    } else if (results.size() == 1) {
      JvmTypes.unbox(mv, results.get(0));
      mv.visitInsn(returnOp(JvmTypes.returnDescriptor(results)));
    } else {
      mv.visitTypeInsn(CHECKCAST, "[Ljava/lang/Object;");
      mv.visitInsn(ARETURN);
    }
  }

  /**
   * {@link #makeForeignPending} when the {@code FunctionRef} in {@code refSlot} belongs to another
   * instance; a host function (no owner) falls through to the code after it.
   */
  private static void makeForeignPendingUnlessHost(
      MethodVisitor mv, FunctionType type, int refSlot, int instanceSlot) {
    Label host = new Label();
    BridgeEmitter.pushOwner(mv, refSlot);
    mv.visitJumpInsn(IFNULL, host);
    makeForeignPending(mv, type, refSlot, instanceSlot);
    mv.visitLabel(host);
  }

  /**
   * Leaves the tail call of {@code callee}, a function of another instance, to the trampoline: its
   * arguments (in the JVM locals from slot 0) boxed, as its handle takes them; then returns zeros.
   */
  private static void makeForeignPending(
      MethodVisitor mv, FunctionType type, int calleeSlot, int instanceSlot) {
    List<ValueType> params = type.params();
    if (type.isWide()) {
      mv.visitInsn(ICONST_1);
      mv.visitTypeInsn(ANEWARRAY, RuntimeNames.OBJECT);
      mv.visitInsn(DUP);
      mv.visitInsn(ICONST_0);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitInsn(AASTORE);
    } else {
      JvmConstants.pushInt(mv, params.size());
      mv.visitTypeInsn(ANEWARRAY, RuntimeNames.OBJECT);
      int slot = 0;
      for (int i = 0; i < params.size(); i++) {
        mv.visitInsn(DUP);
        JvmConstants.pushInt(mv, i);
        mv.visitVarInsn(JvmTypes.loadOpcode(params.get(i)), slot);
        JvmTypes.box(mv, params.get(i));
        mv.visitInsn(AASTORE);
        slot += params.get(i).slots();
      }
    }
    mv.visitVarInsn(ALOAD, calleeSlot);
    mv.visitVarInsn(ALOAD, instanceSlot);
    mv.visitMethodInsn(
        INVOKESTATIC,
        FOREIGN,
        "makePending",
        "([Ljava/lang/Object;L"
            + RuntimeNames.FUNCTION_REF
            + ";"
            + RuntimeNames.INSTANCE_DESC
            + ")V",
        false);
    returnZeros(mv, type);
  }

  /** Fields, helpers and dispatch switches, in the module's main class, after all functions. */
  void emitSupport(ClassWriter cw, MethodBudget budget) {
    if (!used() && !anyTrampolined()) {
      return;
    }
    cw.visitField(ACC_PUBLIC, TARGET_FIELD, "I", null, null).visitEnd();
    Map<Character, Integer> fields = new TreeMap<>();
    Map<Character, Set<Integer>> pendable = new TreeMap<>();
    for (int callee : directTargets) {
      addPendable(pendable, fields, callee);
    }
    for (int t : indirectTypes) {
      for (int i = module.importedFunctions; i < module.descriptor.functions().size(); i++) {
        if (module.functionType(i).sameValueTypes(module.type(t))) {
          addPendable(pendable, fields, i);
        }
      }
    }
    for (int i = 0; i < trampolined.length; i++) {
      if (trampolined[i]) {
        // every trampoline's switch exists, even when nothing of its result type can be pending
        pendable.computeIfAbsent(resultKind(module.functionType(i)), k -> new TreeSet<>());
      }
    }
    for (Map.Entry<Character, Integer> e : fields.entrySet()) {
      for (int n = 0; n < e.getValue(); n++) {
        cw.visitField(ACC_PUBLIC, "tail$" + e.getKey() + n, fieldDesc(e.getKey()), null, null)
            .visitEnd();
      }
    }
    for (int callee : directTargets) {
      emitDirectHelper(cw, callee);
    }
    for (long site : indirectSites) {
      emitIndirectHelper(cw, (int) (site >>> 32), (int) site, false);
    }
    for (int t : indirectTypes) {
      emitIndirectHelper(cw, t, -1, true);
    }
    for (Map.Entry<Character, Set<Integer>> e : pendable.entrySet()) {
      emitRun(cw, budget, e.getKey(), new ArrayList<>(e.getValue()), returnOfKind(e.getKey()));
    }
  }

  private void addPendable(
      Map<Character, Set<Integer>> pendable, Map<Character, Integer> fields, int function) {
    FunctionType type = module.functionType(function);
    pendable.computeIfAbsent(resultKind(type), k -> new TreeSet<>()).add(function);
    int[] count = new int[128];
    for (char k : argumentKinds(type)) {
      count[k]++;
      fields.merge(k, count[k], Math::max);
    }
  }

  /** {@code tail$call$fN(args..., instance)}: makes the call to N pending, returns zeros. */
  private void emitDirectHelper(ClassWriter cw, int callee) {
    FunctionType type = module.functionType(callee);
    MethodVisitor mv =
        open(cw, directHelper(callee), JvmTypes.methodDescriptor(type, module.instanceDesc));
    int instanceSlot = parameterSlots(type);
    if (callee < module.importedFunctions) {
      // a function of another instance is left to the trampoline as such; a host function is
      // pending here like any callee, and called by the run switch through its bridge
      int refSlot = instanceSlot + 1;
      mv.visitVarInsn(ALOAD, instanceSlot);
      JvmConstants.pushInt(mv, callee);
      mv.visitMethodInsn(
          INVOKEVIRTUAL,
          RuntimeNames.INSTANCE,
          "functionRef",
          "(I)L" + RuntimeNames.FUNCTION_REF + ";",
          false);
      mv.visitVarInsn(ASTORE, refSlot);
      makeForeignPendingUnlessHost(mv, type, refSlot, instanceSlot);
    }
    makePending(mv, type, instanceSlot, () -> JvmConstants.pushInt(mv, callee + 1));
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /**
   * {@code tail$indirect$typeT$tableK(args..., element, instance)} or {@code
   * tail$ref$typeT(args..., ref, instance)}: a function of this instance becomes pending; any other
   * (a host function, another instance's) is called here, as an ordinary call.
   */
  private void emitIndirectHelper(ClassWriter cw, int typeIndex, int tableIndex, boolean byRef) {
    FunctionType type = module.type(typeIndex);
    String name = byRef ? refHelper(typeIndex) : indirectHelper(typeIndex, tableIndex);
    String desc =
        JvmTypes.methodDescriptor(
            type, byRef ? RuntimeNames.OBJECT_DESC : "I", module.instanceDesc);
    MethodVisitor mv = open(cw, name, desc);
    int operandSlot = parameterSlots(type);
    int instanceSlot = operandSlot + 1;
    int refSlot = instanceSlot + 1;
    if (byRef) {
      mv.visitVarInsn(ALOAD, operandSlot);
      mv.visitMethodInsn(
          INVOKESTATIC,
          RuntimeNames.FUNCTION_REFS,
          "forCall",
          "(Ljava/lang/Object;)L" + RuntimeNames.FUNCTION_REF + ";",
          false);
    } else {
      BridgeEmitter.pushFunctionForCall(
          mv, module, tableIndex, typeIndex, operandSlot, instanceSlot);
    }
    mv.visitVarInsn(ASTORE, refSlot);
    Label foreign = new Label();
    BridgeEmitter.pushOwner(mv, refSlot);
    mv.visitVarInsn(ALOAD, instanceSlot);
    mv.visitJumpInsn(IF_ACMPNE, foreign);
    makePending(
        mv,
        type,
        instanceSlot,
        () -> {
          mv.visitVarInsn(ALOAD, refSlot);
          mv.visitMethodInsn(INVOKEVIRTUAL, RuntimeNames.FUNCTION_REF, "index", "()I", false);
          mv.visitInsn(ICONST_1);
          mv.visitInsn(IADD);
        });
    mv.visitLabel(foreign);
    makeForeignPendingUnlessHost(mv, type, refSlot, instanceSlot);
    mv.visitVarInsn(ALOAD, refSlot);
    mv.visitMethodInsn(
        INVOKEVIRTUAL,
        RuntimeNames.FUNCTION_REF,
        "handle",
        "()L" + RuntimeNames.METHOD_HANDLE + ";",
        false);
    loadParameters(mv, type);
    mv.visitMethodInsn(
        INVOKEVIRTUAL,
        RuntimeNames.METHOD_HANDLE,
        "invokeExact",
        JvmTypes.methodDescriptor(type),
        false);
    mv.visitInsn(returnOp(JvmTypes.returnDescriptor(type.results())));
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** Stores the arguments, sets the target pushed by {@code target}, returns zeros. */
  private void makePending(MethodVisitor mv, FunctionType type, int instanceSlot, Runnable target) {
    storeArguments(mv, type, instanceSlot);
    mv.visitVarInsn(ALOAD, instanceSlot);
    target.run();
    mv.visitFieldInsn(PUTFIELD, module.internalName, TARGET_FIELD, "I");
    returnZeros(mv, type);
  }

  /** Returns zeros of {@code type}'s results: what a function returns when its call is pending. */
  private static void returnZeros(MethodVisitor mv, FunctionType type) {
    List<ValueType> results = type.results();
    if (results.size() > 1) {
      // the caller unboxes what it gets back before returning it: give it zeros to unbox
      JvmConstants.pushInt(mv, results.size());
      mv.visitTypeInsn(ANEWARRAY, RuntimeNames.OBJECT);
      for (int i = 0; i < results.size(); i++) {
        mv.visitInsn(DUP);
        JvmConstants.pushInt(mv, i);
        pushZero(mv, results.get(i));
        JvmTypes.box(mv, results.get(i));
        mv.visitInsn(AASTORE);
      }
    } else if (results.size() == 1) {
      pushZero(mv, results.get(0));
    }
    mv.visitInsn(returnOp(JvmTypes.returnDescriptor(results)));
  }

  /**
   * {@code tail$run$K$N(target, instance)}: runs the pending call {@code target} among the
   * functions returning K, in chunks that fit the method budget, each passing what it does not
   * handle to the next.
   */
  private void emitRun(
      ClassWriter cw, MethodBudget budget, char kind, List<Integer> functions, String ret) {
    int maxArgs = 1;
    for (int f : functions) {
      maxArgs = Math.max(maxArgs, argumentKinds(module.functionType(f)).size());
    }
    int perChunk = budget.itemsPerMethod(16 + 5 * maxArgs);
    String desc = "(I" + module.instanceDesc + ")" + ret;
    int chunks = Math.max(1, (functions.size() + perChunk - 1) / perChunk);
    for (int c = 0; c < chunks; c++) {
      List<Integer> chunk =
          functions.subList(c * perChunk, Math.min(functions.size(), (c + 1) * perChunk));
      MethodVisitor mv = open(cw, runName(kind, c), desc);
      int[] keys = new int[chunk.size()];
      Label[] cases = new Label[chunk.size()];
      for (int k = 0; k < keys.length; k++) {
        keys[k] = chunk.get(k) + 1;
        cases[k] = new Label();
      }
      Label other = new Label();
      mv.visitVarInsn(ILOAD, 0);
      mv.visitLookupSwitchInsn(other, keys, cases);
      for (int k = 0; k < keys.length; k++) {
        int function = chunk.get(k);
        FunctionType type = module.functionType(function);
        mv.visitLabel(cases[k]);
        loadArguments(mv, type, 1);
        mv.visitVarInsn(ALOAD, 1);
        String target =
            isTrampolined(function)
                ? bodyName(module.callTarget(function))
                : module.callTarget(function);
        mv.visitMethodInsn(
            INVOKESTATIC,
            module.callOwner(function),
            target,
            JvmTypes.methodDescriptor(type, module.instanceDesc),
            false);
        mv.visitInsn(returnOp(ret));
      }
      mv.visitLabel(other);
      if (c < chunks - 1) {
        mv.visitVarInsn(ILOAD, 0);
        mv.visitVarInsn(ALOAD, 1);
        mv.visitMethodInsn(INVOKESTATIC, module.internalName, runName(kind, c + 1), desc, false);
        mv.visitInsn(returnOp(ret));
      } else {
        mv.visitMethodInsn(
            INVOKESTATIC, RuntimeNames.TRAP, "unreachable", RuntimeNames.TRAP_FACTORY_DESC, false);
        mv.visitInsn(ATHROW);
      }
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }
  }

  // ---- small bytecode helpers ----

  private static MethodVisitor open(ClassWriter cw, String name, String desc) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, name, desc, null, null);
    mv.visitCode();
    return mv;
  }

  private static void loadParameters(MethodVisitor mv, FunctionType type) {
    if (type.isWide()) {
      mv.visitVarInsn(ALOAD, 0);
      return;
    }
    int slot = 0;
    for (ValueType p : type.params()) {
      mv.visitVarInsn(JvmTypes.loadOpcode(p), slot);
      slot += p.slots();
    }
  }

  private static int parameterSlots(FunctionType type) {
    if (type.isWide()) {
      return 1;
    }
    int slots = 0;
    for (ValueType p : type.params()) {
      slots += p.slots();
    }
    return slots;
  }

  private static void pushZero(MethodVisitor mv, ValueType t) {
    switch (t) {
      case I32 -> mv.visitInsn(ICONST_0);
      case I64 -> mv.visitInsn(LCONST_0);
      case F32 -> mv.visitInsn(FCONST_0);
      case F64 -> mv.visitInsn(DCONST_0);
      case FUNCREF, EXTERNREF, EXNREF -> mv.visitInsn(ACONST_NULL);
      case V128 ->
          mv.visitFieldInsn(GETSTATIC, JvmTypes.V128_CLASS, "ZERO", ValueType.V128.descriptor());
    }
  }

  private static void storeResult(MethodVisitor mv, String ret, int slot) {
    if (!ret.equals("V")) {
      mv.visitVarInsn(storeOp(ret), slot);
    }
  }

  private static int loadOp(String ret) {
    return switch (ret.charAt(0)) {
      case 'I' -> ILOAD;
      case 'J' -> LLOAD;
      case 'F' -> FLOAD;
      case 'D' -> DLOAD;
      default -> ALOAD;
    };
  }

  private static int storeOp(String ret) {
    return loadOp(ret) + (ISTORE - ILOAD);
  }

  private static int returnOp(String ret) {
    return switch (ret.charAt(0)) {
      case 'V' -> RETURN;
      case 'I' -> IRETURN;
      case 'J' -> LRETURN;
      case 'F' -> FRETURN;
      case 'D' -> DRETURN;
      default -> ARETURN;
    };
  }
}
