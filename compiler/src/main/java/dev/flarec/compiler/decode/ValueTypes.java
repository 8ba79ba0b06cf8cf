package dev.flarec.compiler.decode;

/** The value types of WebAssembly 2.0 (§5.3.1-5.3.3), as their one-byte encodings. */
final class ValueTypes {
  static final int I32 = 0x7F;
  static final int I64 = 0x7E;
  static final int F32 = 0x7D;
  static final int F64 = 0x7C;
  static final int V128 = 0x7B;
  static final int FUNCREF = 0x70;
  static final int EXTERNREF = 0x6F;

  /** {@code (ref null ht)} and {@code (ref ht)}: a heap type follows. */
  static final int NULLABLE_REF = 0x63;

  static final int NON_NULL_REF = 0x64;

  private ValueTypes() {}

  /** Reads a value type. */
  static int read(ByteCursor in) {
    int at = in.position();
    int t = in.u8();
    switch (t) {
      case I32, I64, F32, F64, V128, FUNCREF, EXTERNREF -> {
        return t;
      }
      default -> throw notAType(in, at, t, "value");
    }
  }

  static int readReference(ByteCursor in) {
    int at = in.position();
    int t = in.u8();
    if (t != FUNCREF && t != EXTERNREF) {
      throw notAType(in, at, t, "reference");
    }
    return t;
  }

  /** A type flarec does not compile yet is unsupported (GC), any other byte malformed. */
  static RuntimeException notAType(ByteCursor in, int at, int t, String kind) {
    String gc = UnsupportedFeatures.gcType(t);
    if (gc == null && (t == NULLABLE_REF || t == NON_NULL_REF) && !in.atLimit()) {
      // (ref null ht) or (ref ht) of a GC heap type
      gc = UnsupportedFeatures.gcType(in.peek());
    }
    if (gc != null) {
      return in.unsupported(at, gc);
    }
    return in.malformed(at, String.format("malformed %s type 0x%02x", kind, t));
  }

  static String name(int t) {
    return switch (t) {
      case I32 -> "i32";
      case I64 -> "i64";
      case F32 -> "f32";
      case F64 -> "f64";
      case V128 -> "v128";
      case FUNCREF -> "funcref";
      case EXTERNREF -> "externref";
      default -> String.format("0x%02x", t);
    };
  }
}
