package dev.flarec.compiler.emit;

/** Internal names and descriptors of the runtime classes and members generated code uses. */
final class RuntimeNames {
  private RuntimeNames() {}

  static final String INSTANCE = "dev/flarec/runtime/instance/Instance";
  static final String LINKAGE = "dev/flarec/runtime/instance/Linkage";
  static final String FUNCTION_REF = "dev/flarec/runtime/instance/FunctionRef";
  static final String FUNCTION_REFS = "dev/flarec/runtime/instance/FunctionRefs";
  static final String FUNCTION_TYPE = "dev/flarec/runtime/types/FunctionType";
  static final String MEMORY = "dev/flarec/runtime/memory/Memory";
  static final String MEMORY_ACCESS = "dev/flarec/runtime/memory/MemoryAccess";
  static final String TABLE = "dev/flarec/runtime/table/Table";
  static final String GLOBAL = "dev/flarec/runtime/global/Global";
  static final String TRAP = "dev/flarec/runtime/trap/WasmTrap";
  static final String NUMERIC = "dev/flarec/runtime/numeric/";
  static final String SIMD = "dev/flarec/runtime/simd/";
  static final String FRAME_SLOTS = "dev/flarec/runtime/frame/FrameSlots";
  static final String BRANCH_TABLES = "dev/flarec/runtime/control/BranchTables";
  static final String METHOD_HANDLE = "java/lang/invoke/MethodHandle";
  static final String OBJECT = "java/lang/Object";

  static final String MEMORY_DESC = "L" + MEMORY + ";";
  static final String TABLE_DESC = "L" + TABLE + ";";
  static final String WASM_EXCEPTION = "dev/flarec/runtime/exception/WasmException";
  static final String INSTANCE_DESC = "L" + INSTANCE + ";";
  static final String OBJECT_DESC = "Ljava/lang/Object;";
  static final String TRAP_FACTORY_DESC = "()L" + TRAP + ";";

  /** Internal name of the cell class for shared globals of a value type. */
  static String globalCell(dev.flarec.runtime.types.ValueType t) {
    return GLOBAL
        + switch (t) {
          case I32 -> "$I32";
          case I64 -> "$I64";
          case F32 -> "$F32";
          case F64 -> "$F64";
          case FUNCREF, EXTERNREF, EXNREF -> "$Ref";
          case V128 -> "$Vector";
        };
  }
}
