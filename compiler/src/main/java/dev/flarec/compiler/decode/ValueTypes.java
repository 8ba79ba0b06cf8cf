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

  /** The exception reference of 3.0's exception handling. */
  static final int EXNREF = 0x69;

  /** Wasm 3.0 typed references: {@code (ref null ht)} and {@code (ref ht)}, then a heap type. */
  private static final int REF_NULL = 0x63;

  private static final int REF = 0x64;

  /** Wasm 3.0 shorthands of the bottom types {@code nullfuncref} and {@code nullexternref}. */
  private static final int NOFUNC = 0x73;

  private static final int NOEXTERN = 0x72;

  /** The bottom of exception references, {@code nullexnref}. */
  private static final int NOEXN = 0x74;

  private ValueTypes() {}

  /**
   * Reads a value type. A typed function reference, {@code (ref null? $t)} or a {@code nofunc} one,
   * reads as {@link #FUNCREF}: what it is at run time; the parser's validator checks the rest.
   */
  static int read(ByteCursor in) {
    int at = in.position();
    int t = in.u8();
    switch (t) {
      case I32, I64, F32, F64, V128, FUNCREF, EXTERNREF, EXNREF -> {
        return t;
      }
      case REF_NULL, REF, NOFUNC, NOEXTERN, NOEXN -> {
        return reference(in, at, t);
      }
      default -> throw notAType(in, at, t, "value");
    }
  }

  static int readReference(ByteCursor in) {
    int at = in.position();
    int t = in.u8();
    if (t != FUNCREF
        && t != EXTERNREF
        && t != EXNREF
        && t != REF_NULL
        && t != REF
        && t != NOFUNC
        && t != NOEXTERN
        && t != NOEXN) {
      throw notAType(in, at, t, "reference");
    }
    return reference(in, at, t);
  }

  /** The heap type of {@code ref.null}: an abstract one or a type index. */
  static int readHeapType(ByteCursor in) {
    int at = in.position();
    long ht = in.signed(33);
    if (ht >= 0) {
      return FUNCREF;
    }
    int code = (int) (ht & 0x7F);
    return switch (code) {
      case FUNCREF, NOFUNC -> FUNCREF;
      case EXTERNREF, NOEXTERN -> EXTERNREF;
      case EXNREF, NOEXN -> EXNREF;
      default -> throw notAType(in, at, code, "reference");
    };
  }

  /** A type flarec does not compile yet is unsupported (GC), any other byte malformed. */
  static RuntimeException notAType(ByteCursor in, int at, int t, String kind) {
    String gc = UnsupportedFeatures.gcType(t);
    if (gc != null) {
      return in.unsupported(at, gc);
    }
    return in.malformed(at, String.format("malformed %s type 0x%02x", kind, t));
  }

  private static int reference(ByteCursor in, int at, int t) {
    return switch (t) {
      case REF_NULL, REF -> readHeapType(in);
      case NOFUNC -> FUNCREF;
      case NOEXTERN -> EXTERNREF;
      case NOEXN -> EXNREF;
      default -> t;
    };
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
      case EXNREF -> "exnref";
      default -> String.format("0x%02x", t);
    };
  }
}
