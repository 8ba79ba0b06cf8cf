package dev.flarec.compiler.layout;

import dev.flarec.compiler.UnsupportedModuleException;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import run.endive.wasm.types.ValType;

/**
 * How Wasm types map onto JVM types (see {@link ValueType} for the mapping itself): conversion from
 * the parser's types, method descriptors of compiled functions, and the load, store and return
 * opcodes of each type.
 */
public final class JvmTypes {
  /** Internal name of the runtime's {@code v128} class. */
  public static final String V128_CLASS = "dev/flarec/runtime/simd/V128";

  private JvmTypes() {}

  /** Our value type for the parser's, or an "unsupported" error for types beyond Wasm 2.0. */
  public static ValueType valueType(ValType t) {
    if (t.equals(ValType.I32)) {
      return ValueType.I32;
    } else if (t.equals(ValType.I64)) {
      return ValueType.I64;
    } else if (t.equals(ValType.F32)) {
      return ValueType.F32;
    } else if (t.equals(ValType.F64)) {
      return ValueType.F64;
    } else if (t.equals(ValType.V128)) {
      return ValueType.V128;
    } else if (t.isReference() && t.typeIdx() == ValType.FuncRef.typeIdx()) {
      // element segments carry the non-nullable form; Wasm 2.0 only has the nullable one
      return ValueType.FUNCREF;
    } else if (t.isReference() && t.typeIdx() == ValType.ExternRef.typeIdx()) {
      return ValueType.EXTERNREF;
    } else if (t.isReference()
        && (t.typeIdx() == ValType.ExnRef.typeIdx() || t.typeIdx() == ValType.NoExnRef.typeIdx())) {
      return ValueType.EXNREF;
    } else if (t.isReference()
        && (t.typeIdx() >= 0 || t.typeIdx() == ValType.NoFuncRef.typeIdx())) {
      // a typed function reference, (ref null? $t), or the bottom of funcrefs: validation proved
      // its type, so at run time it is a funcref (GC types, also indices, are rejected before)
      return ValueType.FUNCREF;
    } else if (t.isReference() && t.typeIdx() == ValType.NoExternRef.typeIdx()) {
      return ValueType.EXTERNREF;
    }
    throw new UnsupportedModuleException("value type " + t + " is beyond WebAssembly 2.0");
  }

  /** Our value type for a parser type id (as found in block types and select operands). */
  public static ValueType valueTypeOfId(long id) {
    return valueType(ValType.builder().fromId(id).build());
  }

  public static List<ValueType> valueTypes(List<ValType> types) {
    List<ValueType> out = new ArrayList<>(types.size());
    for (ValType t : types) {
      out.add(valueType(t));
    }
    return out;
  }

  /** The interned runtime function type for a parser function type. */
  public static FunctionType functionType(run.endive.wasm.types.FunctionType t) {
    return FunctionType.of(valueTypes(t.params()), valueTypes(t.returns()));
  }

  /** JVM descriptor of the value returned for these Wasm results. */
  public static String returnDescriptor(List<ValueType> results) {
    return switch (results.size()) {
      case 0 -> "V";
      case 1 -> results.get(0).descriptor();
      default -> "[Ljava/lang/Object;";
    };
  }

  /**
   * Descriptor of a compiled function: its Wasm parameters, then {@code trailing} (for example the
   * instance), returning its result.
   */
  public static String methodDescriptor(FunctionType type, String... trailing) {
    StringBuilder sb = new StringBuilder("(");
    if (type.isWide()) {
      sb.append("[Ljava/lang/Object;"); // see FunctionType.isWide
    } else {
      for (ValueType p : type.params()) {
        sb.append(p.descriptor());
      }
    }
    for (String t : trailing) {
      sb.append(t);
    }
    return sb.append(')').append(returnDescriptor(type.results())).toString();
  }

  public static int loadOpcode(ValueType t) {
    return switch (t) {
      case I32 -> Opcodes.ILOAD;
      case I64 -> Opcodes.LLOAD;
      case F32 -> Opcodes.FLOAD;
      case F64 -> Opcodes.DLOAD;
      case FUNCREF, EXTERNREF, EXNREF, V128 -> Opcodes.ALOAD;
    };
  }

  public static int storeOpcode(ValueType t) {
    return switch (t) {
      case I32 -> Opcodes.ISTORE;
      case I64 -> Opcodes.LSTORE;
      case F32 -> Opcodes.FSTORE;
      case F64 -> Opcodes.DSTORE;
      case FUNCREF, EXTERNREF, EXNREF, V128 -> Opcodes.ASTORE;
    };
  }

  public static int returnOpcode(ValueType t) {
    return switch (t) {
      case I32 -> Opcodes.IRETURN;
      case I64 -> Opcodes.LRETURN;
      case F32 -> Opcodes.FRETURN;
      case F64 -> Opcodes.DRETURN;
      case FUNCREF, EXTERNREF, EXNREF, V128 -> Opcodes.ARETURN;
    };
  }

  /**
   * Replaces the value of type {@code t} on top of the stack by its box (references and v128
   * values, objects already, stay as they are).
   */
  public static void box(org.objectweb.asm.MethodVisitor mv, ValueType t) {
    if (!t.isObject()) {
      String box = boxInternalName(t);
      mv.visitMethodInsn(
          Opcodes.INVOKESTATIC, box, "valueOf", "(" + t.descriptor() + ")L" + box + ";", false);
    }
  }

  /** Replaces the {@code Object} on top of the stack by the value of type {@code t} it boxes. */
  public static void unbox(org.objectweb.asm.MethodVisitor mv, ValueType t) {
    if (t == ValueType.V128) {
      mv.visitTypeInsn(Opcodes.CHECKCAST, V128_CLASS);
    } else if (!t.isReference()) {
      String box = boxInternalName(t);
      mv.visitTypeInsn(Opcodes.CHECKCAST, box);
      mv.visitMethodInsn(
          Opcodes.INVOKEVIRTUAL,
          box,
          t.jvmClass().getName() + "Value",
          "()" + t.descriptor(),
          false);
    }
  }

  /**
   * Replaces an {@code f32} or {@code f64} on top of the stack by its raw bits, an {@code int} or a
   * {@code long}; values of the other types are their bits already.
   */
  public static void toRawBits(org.objectweb.asm.MethodVisitor mv, ValueType t) {
    switch (t) {
      case F32 ->
          mv.visitMethodInsn(
              Opcodes.INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
      case F64 ->
          mv.visitMethodInsn(
              Opcodes.INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
      default -> {}
    }
  }

  /**
   * The inverse of {@link #toRawBits}: raw bits on top of the stack to the value of type {@code t}.
   */
  public static void fromRawBits(org.objectweb.asm.MethodVisitor mv, ValueType t) {
    switch (t) {
      case F32 ->
          mv.visitMethodInsn(
              Opcodes.INVOKESTATIC, "java/lang/Float", "intBitsToFloat", "(I)F", false);
      case F64 ->
          mv.visitMethodInsn(
              Opcodes.INVOKESTATIC, "java/lang/Double", "longBitsToDouble", "(J)D", false);
      default -> {}
    }
  }

  /** Boxed class's internal name, for multi-value results. */
  public static String boxInternalName(ValueType t) {
    return switch (t) {
      case I32 -> "java/lang/Integer";
      case I64 -> "java/lang/Long";
      case F32 -> "java/lang/Float";
      case F64 -> "java/lang/Double";
      case FUNCREF, EXTERNREF, EXNREF -> "java/lang/Object";
      case V128 -> V128_CLASS;
    };
  }
}
