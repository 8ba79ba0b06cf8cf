package dev.flarec.compiler.emit;

import static org.objectweb.asm.Opcodes.*;

import dev.flarec.compiler.UnsupportedModuleException;
import dev.flarec.compiler.decode.Memory64Offsets;
import dev.flarec.compiler.decode.RelaxedSimdSites;
import dev.flarec.compiler.layout.JvmTypes;
import dev.flarec.compiler.layout.NamingScheme;
import dev.flarec.runtime.descriptor.ConstExpr;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.descriptor.ModuleDescriptor.GlobalDef;
import dev.flarec.runtime.types.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.AnnotatedInstruction;
import run.endive.wasm.types.FunctionBody;

/**
 * Generates the class of one module: a final subclass of the runtime's {@code Instance} with
 *
 * <ul>
 *   <li>a typed field per memory, table, imported function handle and global;
 *   <li>a constructor copying the linkage into those fields;
 *   <li>{@code initializeGlobals()}, the global initialisers compiled to bytecode;
 *   <li>one public static method per Wasm function, taking the instance last;
 *   <li>bridges: one static method per imported function and per {@code call_indirect} signature
 *       and table, so that call sites stay a single {@code invokestatic}.
 * </ul>
 *
 * @see <a href="https://docs.oracle.com/javase/specs/jvms/se17/html/jvms-4.html">JVMS §4</a>
 */
public final class ClassEmitter {

  private final WasmModule wasm;
  private final ModuleInfo module;
  private final OpcodeTable table;
  private final MethodBudget methodBudget;
  private ClassWriter cw;

  public ClassEmitter(WasmModule wasm, ModuleDescriptor descriptor, int methodBudget) {
    this(wasm, descriptor, methodBudget, RelaxedSimdSites.NONE, Memory64Offsets.NONE);
  }

  /**
   * {@code relaxedSimd}: where the decoder found relaxed SIMD instructions under carriers; {@code
   * memory64Offsets}: the memory64 offsets the parser read rewritten.
   */
  public ClassEmitter(
      WasmModule wasm,
      ModuleDescriptor descriptor,
      int methodBudget,
      RelaxedSimdSites relaxedSimd,
      Memory64Offsets memory64Offsets) {
    this.table = new OpcodeTable(relaxedSimd);
    this.wasm = wasm;
    this.module = new ModuleInfo(descriptor, memory64Offsets);
    this.methodBudget = new MethodBudget(methodBudget);
  }

  /** The generated classes by binary name, and the descriptor naming each function's class. */
  public record Output(Map<String, byte[]> classes, ModuleDescriptor descriptor) {}

  /**
   * Generates the module's classes. Small modules are one class; when the code is larger than a
   * class comfortably holds (the constant pool has 65,535 entries, JVMS §4.1), functions go to
   * {@code $PartN} classes and outlined runs to {@code $RunsN} classes, and if a class still
   * overflows, everything is generated again with smaller classes.
   */
  public Output emit() {
    List<FunctionCode> functions = prepareFunctions();
    int partBytes = INITIAL_CLASS_BYTES;
    while (true) {
      try {
        return emitClasses(functions, partBytes);
      } catch (ClassTooLargeException e) {
        if (e.getClassName().equals(module.internalName)) {
          // globals, memories, tables and import handles are fields of the main class
          throw new UnsupportedModuleException(
              "the module's "
                  + module.descriptor.globals().size()
                  + " globals and "
                  + module.importedFunctions
                  + " imported functions need more constant-pool"
                  + " entries than one JVM class holds (65,535)");
        }
        if (partBytes <= MIN_CLASS_BYTES) {
          throw new UnsupportedModuleException(
              "class "
                  + e.getClassName()
                  + " overflows the constant pool even at "
                  + partBytes
                  + " bytes of code per class");
        }
        partBytes /= 2;
        module.constantTables.clear();
      }
    }
  }

  /** Bytecode per generated class we aim for at first (halved while a class overflows). */
  private static final int INITIAL_CLASS_BYTES = 256 * 1024;

  private static final int MIN_CLASS_BYTES = 4 * 1024;

  /** Plans every defined function: whole or split, and how large. */
  private List<FunctionCode> prepareFunctions() {
    ModuleDescriptor d = module.descriptor;
    List<List<AnnotatedInstruction>> bodies = new ArrayList<>();
    for (int i = module.importedFunctions; i < d.functions().size(); i++) {
      bodies.add(wasm.codeSection().getFunctionBody(i - module.importedFunctions).instructions());
    }
    module.setMemoryGrowers(MemoryGrowers.of(module.importedFunctions, bodies, table));
    List<FunctionCode> functions = new ArrayList<>();
    for (int i = module.importedFunctions; i < d.functions().size(); i++) {
      FunctionBody body = wasm.codeSection().getFunctionBody(i - module.importedFunctions);
      FunctionCode fn =
          new FunctionCode(
              module, i, JvmTypes.valueTypes(body.localTypes()), body.instructions(), table);
      new FunctionSplitter(fn, methodBudget).decide();
      functions.add(fn);
    }
    return functions;
  }

  private Output emitClasses(List<FunctionCode> functions, int classBytes) {
    long total = 0;
    for (FunctionCode fn : functions) {
      total += fn.totalSize;
    }
    boolean oneClass = total <= classBytes;
    Map<String, ClassWriter> writers = new LinkedHashMap<>();
    cw = newClass(writers, module.internalName, RuntimeNames.INSTANCE);

    // Assign each function's own method to a class first: callers need to know it.
    java.util.Arrays.fill(module.owners, null);
    if (!oneClass) {
      int part = 0;
      long used = 0;
      for (FunctionCode fn : functions) {
        if (used > 0 && used + fn.rootSize > classBytes) {
          part++;
          used = 0;
        }
        used += fn.rootSize;
        module.owners[fn.index] = module.internalName + "$Part" + part;
      }
    }
    RunPlacement runs = new RunPlacement(writers, oneClass, classBytes);
    emitFields();
    emitConstructor();
    emitInitializeGlobals();
    emitCaptureGlobals();
    emitRestoreGlobals();
    module.tailCalls.plan(functions);
    for (FunctionCode fn : functions) {
      fn.resetRuns();
      String owner = module.callOwner(fn.index);
      ClassWriter target =
          writers.computeIfAbsent(owner, o -> newClassWriter(o, RuntimeNames.OBJECT));
      boolean trampolined = module.tailCalls.isTrampolined(fn.index);
      MethodVisitor mv =
          target.visitMethod(
              ACC_PUBLIC | ACC_STATIC,
              trampolined ? TailCalls.bodyName(fn.methodName) : fn.methodName,
              JvmTypes.methodDescriptor(fn.type, module.instanceDesc),
              null,
              null);
      new FunctionEmitter(fn, mv, runs, null).emit();
      if (trampolined) {
        module.tailCalls.emitTrampoline(target, fn);
      }
    }
    BridgeEmitter bridges = new BridgeEmitter(cw, module, methodBudget);
    bridges.emitImportBridges();
    bridges.emitIndirectBridges();
    module.tailCalls.emitSupport(cw, methodBudget);
    emitConstantTables();

    Map<String, byte[]> classes = new LinkedHashMap<>();
    for (Map.Entry<String, ClassWriter> w : writers.entrySet()) {
      w.getValue().visitEnd();
      classes.put(w.getKey().replace('/', '.'), w.getValue().toByteArray());
    }
    List<ModuleDescriptor.Function> owned = new ArrayList<>(module.descriptor.functions());
    for (int i = 0; i < owned.size(); i++) {
      if (module.owners[i] != null) {
        owned.set(i, owned.get(i).withOwner(module.owners[i].replace('/', '.')));
      }
    }
    return new Output(classes, module.descriptor.withFunctions(owned));
  }

  private ClassWriter newClass(
      Map<String, ClassWriter> writers, String internalName, String superName) {
    ClassWriter w = newClassWriter(internalName, superName);
    writers.put(internalName, w);
    return w;
  }

  private ClassWriter newClassWriter(String internalName, String superName) {
    ClassWriter w = new FrameComputingClassWriter();
    w.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, internalName, null, superName, null);
    w.visitSource(module.descriptor.className() + ".wasm", null);
    return w;
  }

  /** Puts outlined runs in the main class, or in {@code $RunsN} classes of bounded size. */
  private final class RunPlacement implements MethodSink {
    private final Map<String, ClassWriter> writers;
    private final boolean oneClass;
    private final int classBytes;
    private int index = -1;
    private ClassWriter current;
    private CodeSizeCounter last;
    private long used;

    RunPlacement(Map<String, ClassWriter> writers, boolean oneClass, int classBytes) {
      this.writers = writers;
      this.oneClass = oneClass;
      this.classBytes = classBytes;
    }

    @Override
    public Opened open(String name, String descriptor) {
      if (oneClass) {
        return new Opened(
            module.internalName,
            cw.visitMethod(ACC_PUBLIC | ACC_STATIC, name, descriptor, null, null));
      }
      if (last != null) {
        used += last.size();
      }
      if (current == null || used > classBytes) {
        index++;
        used = 0;
        current = newClass(writers, module.internalName + "$Runs" + index, RuntimeNames.OBJECT);
      }
      last =
          new CodeSizeCounter(
              current.visitMethod(ACC_PUBLIC | ACC_STATIC, name, descriptor, null, null));
      return new Opened(module.internalName + "$Runs" + index, last);
    }
  }

  private void emitFields() {
    ModuleDescriptor d = module.descriptor;
    for (int i = 0; i < module.importedFunctions; i++) {
      cw.visitField(
              ACC_PUBLIC | ACC_FINAL,
              NamingScheme.importField(i),
              "L" + RuntimeNames.METHOD_HANDLE + ";",
              null,
              null)
          .visitEnd();
    }
    for (int i = 0; i < d.memories().size(); i++) {
      cw.visitField(
              ACC_PUBLIC | ACC_FINAL,
              NamingScheme.memoryField(i),
              d.memories().get(i).is64() ? RuntimeNames.MEMORY64_DESC : RuntimeNames.MEMORY_DESC,
              null,
              null)
          .visitEnd();
    }
    for (int i = 0; i < d.tables().size(); i++) {
      cw.visitField(
              ACC_PUBLIC | ACC_FINAL,
              NamingScheme.tableField(i),
              RuntimeNames.TABLE_DESC,
              null,
              null)
          .visitEnd();
    }
    for (int i = 0; i < d.globals().size(); i++) {
      int access = ACC_PUBLIC | (d.globals().get(i).shared() ? ACC_FINAL : 0);
      cw.visitField(access, NamingScheme.globalField(i), module.globalFieldDesc(i), null, null)
          .visitEnd();
    }
  }

  private void emitConstructor() {
    ModuleDescriptor d = module.descriptor;
    String linkageDesc = "L" + RuntimeNames.LINKAGE + ";";
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "(" + linkageDesc + ")V", null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitVarInsn(ALOAD, 1);
    mv.visitMethodInsn(
        INVOKESPECIAL, RuntimeNames.INSTANCE, "<init>", "(" + linkageDesc + ")V", false);
    for (int i = 0; i < module.importedFunctions; i++) {
      copyFromLinkage(
          mv, i, "importedFunction", RuntimeNames.METHOD_HANDLE, NamingScheme.importField(i));
    }
    for (int i = 0; i < d.memories().size(); i++) {
      if (d.memories().get(i).is64()) {
        copyFromLinkage(mv, i, "memory64", RuntimeNames.MEMORY64, NamingScheme.memoryField(i));
      } else {
        copyFromLinkage(mv, i, "memory", RuntimeNames.MEMORY, NamingScheme.memoryField(i));
      }
    }
    for (int i = 0; i < d.tables().size(); i++) {
      copyFromLinkage(mv, i, "table", RuntimeNames.TABLE, NamingScheme.tableField(i));
    }
    for (int i = 0; i < d.globals().size(); i++) {
      GlobalDef g = d.globals().get(i);
      if (g.shared()) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitVarInsn(ALOAD, 1);
        JvmConstants.pushInt(mv, i);
        mv.visitMethodInsn(
            INVOKEVIRTUAL,
            RuntimeNames.LINKAGE,
            "global",
            "(I)L" + RuntimeNames.GLOBAL + ";",
            false);
        mv.visitTypeInsn(CHECKCAST, RuntimeNames.globalCell(g.type()));
        mv.visitFieldInsn(
            PUTFIELD, module.internalName, NamingScheme.globalField(i), module.globalFieldDesc(i));
      }
    }
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private void copyFromLinkage(
      MethodVisitor mv, int index, String getter, String type, String field) {
    mv.visitVarInsn(ALOAD, 0);
    mv.visitVarInsn(ALOAD, 1);
    JvmConstants.pushInt(mv, index);
    mv.visitMethodInsn(INVOKEVIRTUAL, RuntimeNames.LINKAGE, getter, "(I)L" + type + ";", false);
    mv.visitFieldInsn(PUTFIELD, module.internalName, field, "L" + type + ";");
  }

  /**
   * {@code initializeGlobals()}: the defined globals' initialisers, compiled. Like the other
   * per-global methods it is cut into chunk methods when the module has many globals, so that no
   * method exceeds the budget.
   */
  private void emitInitializeGlobals() {
    int imported = firstDefinedGlobal();
    emitPerGlobal(
        "initializeGlobals",
        false,
        (mv, i) -> {
          GlobalDef g = module.descriptor.globals().get(i);
          var code = wasm.globalSection().getGlobal(i - imported).initInstructions();
          mv.visitVarInsn(ALOAD, 0);
          if (g.shared()) {
            mv.visitFieldInsn(
                GETFIELD,
                module.internalName,
                NamingScheme.globalField(i),
                module.globalFieldDesc(i));
          }
          if (code.get(0).opcode() == run.endive.wasm.types.OpCode.V128_CONST) {
            // a v128 initialiser has no place in the descriptor's constants: only globals use it
            pushV128(mv, code.get(0).operand(0), code.get(0).operand(1));
          } else {
            pushConst(mv, dev.flarec.compiler.descriptor.DescriptorBuilder.constExpr(code));
          }
          if (g.shared()) {
            mv.visitFieldInsn(
                PUTFIELD, RuntimeNames.globalCell(g.type()), "value", g.type().descriptor());
          } else {
            mv.visitFieldInsn(
                PUTFIELD, module.internalName, NamingScheme.globalField(i), g.type().descriptor());
          }
        });
  }

  /** Emits the code for one defined global into a per-global method. */
  @FunctionalInterface
  private interface GlobalStep {
    void emit(MethodVisitor mv, int globalIndex);
  }

  /** Globals per chunk method: about 25 bytes of bytecode each, well within the budget. */
  private int globalsPerChunk() {
    return methodBudget.itemsPerMethod(25);
  }

  /**
   * A protected method {@code name} doing {@code step} for every defined global; with an array, the
   * method takes (or, for capture, creates and returns) the {@code Object[]} of values. Many
   * globals are spread over chunk methods {@code name$k} that the method calls in turn.
   */
  private void emitPerGlobal(String name, boolean withArray, GlobalStep step) {
    int first = firstDefinedGlobal();
    int count = module.descriptor.globals().size() - first;
    int perChunk = globalsPerChunk();
    boolean capture = name.equals("captureGlobals");
    String arrayDesc = "[Ljava/lang/Object;";
    String entryDesc = capture ? "()" + arrayDesc : withArray ? "(" + arrayDesc + ")V" : "()V";
    String chunkDesc = withArray ? "(" + arrayDesc + ")V" : "()V";
    MethodVisitor mv = cw.visitMethod(ACC_PROTECTED, name, entryDesc, null, null);
    mv.visitCode();
    if (capture) {
      JvmConstants.pushInt(mv, count);
      mv.visitTypeInsn(ANEWARRAY, RuntimeNames.OBJECT);
      mv.visitVarInsn(ASTORE, 1);
    }
    if (count <= perChunk) {
      for (int i = first; i < first + count; i++) {
        step.emit(mv, i);
      }
    } else {
      for (int c = 0; c * perChunk < count; c++) {
        int from = first + c * perChunk;
        int to = Math.min(first + count, from + perChunk);
        mv.visitVarInsn(ALOAD, 0);
        if (withArray) {
          mv.visitVarInsn(ALOAD, 1);
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, module.internalName, name + "$" + c, chunkDesc, false);
        MethodVisitor chunk = cw.visitMethod(ACC_PRIVATE, name + "$" + c, chunkDesc, null, null);
        chunk.visitCode();
        for (int i = from; i < to; i++) {
          step.emit(chunk, i);
        }
        chunk.visitInsn(RETURN);
        chunk.visitMaxs(0, 0);
        chunk.visitEnd();
      }
    }
    if (capture) {
      mv.visitVarInsn(ALOAD, 1);
      mv.visitInsn(ARETURN);
    } else {
      mv.visitInsn(RETURN);
    }
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private int firstDefinedGlobal() {
    List<GlobalDef> globals = module.descriptor.globals();
    int imported = 0;
    while (imported < globals.size() && globals.get(imported).imported()) {
      imported++;
    }
    return imported;
  }

  /** Loads the value of defined global {@code i} (a field, or its cell's field). */
  private void loadGlobal(MethodVisitor mv, int i) {
    GlobalDef g = module.descriptor.globals().get(i);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitFieldInsn(
        GETFIELD, module.internalName, NamingScheme.globalField(i), module.globalFieldDesc(i));
    if (g.shared()) {
      mv.visitFieldInsn(
          GETFIELD, RuntimeNames.globalCell(g.type()), "value", g.type().descriptor());
    }
  }

  /** {@code captureGlobals()}: the defined globals' values, boxed, in an {@code Object[]}. */
  private void emitCaptureGlobals() {
    int first = firstDefinedGlobal();
    emitPerGlobal(
        "captureGlobals",
        true,
        (mv, i) -> {
          mv.visitVarInsn(ALOAD, 1);
          JvmConstants.pushInt(mv, i - first);
          loadGlobal(mv, i);
          JvmTypes.box(mv, module.descriptor.globals().get(i).type());
          mv.visitInsn(AASTORE);
        });
  }

  /** {@code restoreGlobals(Object[])}: sets the defined globals from captured values. */
  private void emitRestoreGlobals() {
    int first = firstDefinedGlobal();
    emitPerGlobal(
        "restoreGlobals",
        true,
        (mv, i) -> {
          GlobalDef g = module.descriptor.globals().get(i);
          ValueType t = g.type();
          mv.visitVarInsn(ALOAD, 0);
          if (g.shared()) {
            mv.visitFieldInsn(
                GETFIELD,
                module.internalName,
                NamingScheme.globalField(i),
                module.globalFieldDesc(i));
          }
          mv.visitVarInsn(ALOAD, 1);
          JvmConstants.pushInt(mv, i - first);
          mv.visitInsn(AALOAD);
          JvmTypes.unbox(mv, t);
          if (g.shared()) {
            mv.visitFieldInsn(PUTFIELD, RuntimeNames.globalCell(t), "value", t.descriptor());
          } else {
            mv.visitFieldInsn(
                PUTFIELD, module.internalName, NamingScheme.globalField(i), t.descriptor());
          }
        });
  }

  private static void pushV128(MethodVisitor mv, long lo, long hi) {
    mv.visitTypeInsn(NEW, JvmTypes.V128_CLASS);
    mv.visitInsn(DUP);
    mv.visitLdcInsn(lo);
    mv.visitLdcInsn(hi);
    mv.visitMethodInsn(INVOKESPECIAL, JvmTypes.V128_CLASS, "<init>", "(JJ)V", false);
  }

  private void pushConst(MethodVisitor mv, ConstExpr c) {
    for (ConstExpr operand : c.operands()) {
      pushConst(mv, operand);
    }
    switch (c.op()) {
      case I32_ADD -> mv.visitInsn(IADD);
      case I32_SUB -> mv.visitInsn(ISUB);
      case I32_MUL -> mv.visitInsn(IMUL);
      case I64_ADD -> mv.visitInsn(LADD);
      case I64_SUB -> mv.visitInsn(LSUB);
      case I64_MUL -> mv.visitInsn(LMUL);
      case I32_CONST -> JvmConstants.pushInt(mv, (int) c.operand());
      case I64_CONST -> mv.visitLdcInsn(c.operand());
      case F32_CONST -> mv.visitLdcInsn(Float.intBitsToFloat((int) c.operand()));
      case F64_CONST -> mv.visitLdcInsn(Double.longBitsToDouble(c.operand()));
      case REF_NULL -> mv.visitInsn(ACONST_NULL);
      case REF_FUNC -> {
        mv.visitVarInsn(ALOAD, 0);
        JvmConstants.pushInt(mv, (int) c.operand());
        mv.visitMethodInsn(
            INVOKEVIRTUAL,
            RuntimeNames.INSTANCE,
            "functionRef",
            "(I)L" + RuntimeNames.FUNCTION_REF + ";",
            false);
      }
      case GLOBAL_GET -> {
        int g = (int) c.operand();
        ValueType t = module.globalType(g);
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(
            GETFIELD, module.internalName, NamingScheme.globalField(g), module.globalFieldDesc(g));
        if (module.globalInCell(g)) {
          mv.visitFieldInsn(GETFIELD, RuntimeNames.globalCell(t), "value", t.descriptor());
        }
      }
    }
  }

  /**
   * Static {@code char[]} fields for large {@code br_table}s, filled in {@code <clinit>} from
   * string constants (a constant-pool string holds at most 65,535 bytes of modified UTF-8, so long
   * tables are cut into pieces of at most 20,000 chars, 3 bytes each at worst).
   */
  private void emitConstantTables() {
    if (module.constantTables.isEmpty()) {
      return;
    }
    MethodVisitor mv = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
    mv.visitCode();
    for (Map.Entry<String, char[]> t : module.constantTables.entrySet()) {
      // package-private: runs in the module's other classes read them too
      cw.visitField(ACC_STATIC | ACC_FINAL, t.getKey(), "[C", null, null).visitEnd();
      String all = new String(t.getValue());
      mv.visitTypeInsn(NEW, "java/lang/StringBuilder");
      mv.visitInsn(DUP);
      mv.visitMethodInsn(INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "()V", false);
      for (int at = 0; at < all.length(); at += 20_000) {
        mv.visitLdcInsn(all.substring(at, Math.min(all.length(), at + 20_000)));
        mv.visitMethodInsn(
            INVOKEVIRTUAL,
            "java/lang/StringBuilder",
            "append",
            "(Ljava/lang/String;)Ljava/lang/StringBuilder;",
            false);
      }
      mv.visitMethodInsn(
          INVOKEVIRTUAL, "java/lang/StringBuilder", "toString", "()Ljava/lang/String;", false);
      mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "toCharArray", "()[C", false);
      mv.visitFieldInsn(PUTSTATIC, module.internalName, t.getKey(), "[C");
    }
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /**
   * Frames are computed by ASM. The only reference types that meet at a merge point are the
   * runtime's and {@code Object}, all of whose common supertype is {@code Object}; answering that
   * directly spares ASM from loading classes.
   */
  private static final class FrameComputingClassWriter extends ClassWriter {
    FrameComputingClassWriter() {
      super(COMPUTE_FRAMES);
    }

    @Override
    protected String getCommonSuperClass(String type1, String type2) {
      return RuntimeNames.OBJECT;
    }
  }
}
