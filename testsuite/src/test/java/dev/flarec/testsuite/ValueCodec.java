package dev.flarec.testsuite;

import dev.flarec.runtime.instance.FunctionRef;
import dev.flarec.runtime.simd.V128;
import dev.flarec.testsuite.SExpression.Atom;
import dev.flarec.testsuite.SExpression.Parens;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the values of a script, written in the WebAssembly text format's notation, into the boxed
 * Java values flarec's API takes and returns, and prints them for failure messages.
 *
 * <p>Floats are built from their bits wherever the notation names bits ({@code nan:0x200000}), and
 * hexadecimal floats are parsed exactly (the binary scripts only write floats that need no
 * rounding), so NaN payloads and signed zeros survive: parsing through a decimal would lose them.
 */
final class ValueCodec {
  static final String NAN_CANONICAL = "nan:canonical";
  static final String NAN_ARITHMETIC = "nan:arithmetic";

  private ValueCodec() {}

  /**
   * An argument: {@code (i32.const 0x2a)}, {@code (v128.const i32x4 1 2 3 4)}, {@code (ref.null
   * func)}, {@code (ref.extern 1)}.
   */
  static WasmValue argument(Parens p) {
    String head = p.head();
    return switch (head) {
      case "i32.const", "i64.const", "f32.const", "f64.const" ->
          new WasmValue(head.substring(0, 3), scalar(head.substring(0, 3), atom(p, 1)));
      case "v128.const" -> new WasmValue("v128", vector(p));
      case "ref.null" -> new WasmValue(p.size() > 1 ? "ref.null " + atom(p, 1) : "ref.null", null);
      case "ref.extern", "ref.host" ->
          new WasmValue("ref.extern", new ExternValue(Integer.decode(atom(p, 1))));
      default -> throw new IllegalArgumentException("unknown argument " + p);
    };
  }

  /**
   * An expected result: an exact value, a NaN class, a reference pattern, or {@code (either ...)}
   * of those.
   */
  static Expected expected(Parens p) {
    String head = p.head();
    switch (head) {
      case "either" -> {
        List<Expected> alternatives = new ArrayList<>();
        for (int i = 1; i < p.size(); i++) {
          alternatives.add(expected(parens(p.get(i))));
        }
        return new Expected.Either(List.copyOf(alternatives));
      }
      case "f32.const", "f64.const" -> {
        String text = atom(p, 1);
        boolean f64 = head.startsWith("f64");
        return switch (text) {
          case NAN_CANONICAL -> new Expected.CanonicalNan(f64);
          case NAN_ARITHMETIC -> new Expected.ArithmeticNan(f64);
          default -> new Expected.Exact(argument(p));
        };
      }
      case "i32.const", "i64.const" -> {
        return new Expected.Exact(argument(p));
      }
      case "v128.const" -> {
        return vectorExpected(p);
      }
      case "ref.null" -> {
        return new Expected.NullRef(p.size() > 1 ? atom(p, 1) : "");
      }
      case "ref.extern", "ref.host" -> {
        return p.size() > 1
            ? new Expected.Exact(argument(p))
            : new Expected.NonNullRef(head.substring("ref.".length()));
      }
      default -> {
        if (head.equals("ref") || head.startsWith("ref.")) {
          // (ref), (ref.func), (ref.struct), (ref.i31), ...: some non-null reference of that kind.
          return new Expected.NonNullRef(head.equals("ref") ? "any" : head.substring(4));
        }
        throw new IllegalArgumentException("unknown result " + p);
      }
    }
  }

  /** A scalar of type {@code i32}, {@code i64}, {@code f32} or {@code f64} from its notation. */
  static Object scalar(String type, String text) {
    return switch (type) {
      case "i32" -> integer(text).intValue();
      case "i64" -> integer(text).longValue();
      case "f32" -> f32(text);
      case "f64" -> f64(text);
      default -> throw new IllegalArgumentException("unknown type " + type);
    };
  }

  /** An integer literal, signed or not, decimal or {@code 0x}, with {@code _} separators. */
  static BigInteger integer(String text) {
    String t = text.replace("_", "");
    boolean negative = t.startsWith("-");
    if (negative || t.startsWith("+")) {
      t = t.substring(1);
    }
    BigInteger magnitude =
        t.startsWith("0x") ? new BigInteger(t.substring(2), 16) : new BigInteger(t, 10);
    return negative ? magnitude.negate() : magnitude;
  }

  static float f32(String text) {
    String t = text.replace("_", "");
    boolean negative = t.startsWith("-");
    String magnitude = negative || t.startsWith("+") ? t.substring(1) : t;
    int sign = negative ? 0x8000_0000 : 0;
    if (magnitude.equals("nan")) {
      return Float.intBitsToFloat(sign | 0x7fc0_0000);
    }
    if (magnitude.startsWith("nan:0x")) {
      return Float.intBitsToFloat(
          sign | 0x7f80_0000 | Integer.parseInt(magnitude.substring(6), 16));
    }
    if (magnitude.equals("inf")) {
      return negative ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
    }
    float f = Float.parseFloat(javaFloat(magnitude));
    return negative ? -f : f;
  }

  static double f64(String text) {
    String t = text.replace("_", "");
    boolean negative = t.startsWith("-");
    String magnitude = negative || t.startsWith("+") ? t.substring(1) : t;
    long sign = negative ? 0x8000_0000_0000_0000L : 0;
    if (magnitude.equals("nan")) {
      return Double.longBitsToDouble(sign | 0x7ff8_0000_0000_0000L);
    }
    if (magnitude.startsWith("nan:0x")) {
      return Double.longBitsToDouble(
          sign | 0x7ff0_0000_0000_0000L | Long.parseLong(magnitude.substring(6), 16));
    }
    if (magnitude.equals("inf")) {
      return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    double d = Double.parseDouble(javaFloat(magnitude));
    return negative ? -d : d;
  }

  /** Java reads hexadecimal floats only with a binary exponent, which the text format may omit. */
  private static String javaFloat(String magnitude) {
    boolean hex = magnitude.startsWith("0x");
    if (hex && magnitude.indexOf('p') < 0 && magnitude.indexOf('P') < 0) {
      return magnitude + "p0";
    }
    return magnitude;
  }

  /** {@code (v128.const SHAPE lane...)} as a vector; lanes in the notation of their type. */
  static V128 vector(Parens p) {
    String shape = atom(p, 1);
    int bits = laneBits(shape);
    int count = 128 / bits;
    if (p.size() != 2 + count) {
      throw new IllegalArgumentException(shape + " needs " + count + " lanes: " + p);
    }
    long lo = 0;
    long hi = 0;
    int perHalf = 64 / bits;
    for (int i = 0; i < count; i++) {
      String text = atom(p, 2 + i);
      long lane =
          switch (shape) {
            case "f32x4" -> Float.floatToRawIntBits(f32(text));
            case "f64x2" -> Double.doubleToRawLongBits(f64(text));
            default -> integer(text).longValue();
          };
      long masked = bits == 64 ? lane : lane & ((1L << bits) - 1);
      if (i < perHalf) {
        lo |= masked << (i * bits);
      } else {
        hi |= masked << ((i - perHalf) * bits);
      }
    }
    return new V128(lo, hi);
  }

  /** An expected {@code v128}: exact, or lane by lane when a float lane is a NaN class. */
  private static Expected vectorExpected(Parens p) {
    String shape = atom(p, 1);
    boolean nanClass = false;
    for (int i = 2; i < p.size(); i++) {
      nanClass |= atom(p, i).startsWith("nan:") && !atom(p, i).startsWith("nan:0x");
    }
    if (!nanClass) {
      return new Expected.Exact(new WasmValue("v128", vector(p)));
    }
    boolean f64 = shape.equals("f64x2");
    List<Expected> each = new ArrayList<>();
    for (int i = 2; i < p.size(); i++) {
      String text = atom(p, i);
      each.add(
          switch (text) {
            case NAN_CANONICAL -> new Expected.CanonicalNan(f64);
            case NAN_ARITHMETIC -> new Expected.ArithmeticNan(f64);
            default ->
                new Expected.Exact(
                    new WasmValue(f64 ? "f64" : "f32", f64 ? (Object) f64(text) : f32(text)));
          });
    }
    return new Expected.Lanes(shape.substring(0, 3), List.copyOf(each));
  }

  private static int laneBits(String shape) {
    return switch (shape) {
      case "i8x16" -> 8;
      case "i16x8" -> 16;
      case "i32x4", "f32x4" -> 32;
      case "i64x2", "f64x2" -> 64;
      default -> throw new IllegalArgumentException("unknown v128 shape \"" + shape + "\"");
    };
  }

  private static String atom(Parens p, int i) {
    if (i >= p.size() || !(p.get(i) instanceof Atom a)) {
      throw new IllegalArgumentException("expected a token at position " + i + " of " + p);
    }
    return a.text();
  }

  private static Parens parens(SExpression e) {
    if (!(e instanceof Parens p)) {
      throw new IllegalArgumentException("expected a parenthesised value, got " + e);
    }
    return p;
  }

  /**
   * A typed value as the failure messages show it, e.g. {@code i32:-1} or {@code
   * f32:NaN(0x7fc00000)}: floats with their bits, since two floats that print alike may differ in
   * sign or payload.
   */
  static String describe(String type, Object boxed) {
    if (type.startsWith("ref")) {
      return boxed == null ? type : type + ":" + describeReference(boxed);
    }
    return describe(boxed);
  }

  /** An actual result, whose type is read from its Java class. */
  static String describe(Object actual) {
    if (actual instanceof Integer i) {
      return "i32:" + i;
    } else if (actual instanceof Long l) {
      return "i64:" + l;
    } else if (actual instanceof Float f) {
      return "f32:" + f + String.format(Locale.ROOT, "(0x%08x)", Float.floatToRawIntBits(f));
    } else if (actual instanceof Double d) {
      return "f64:" + d + String.format(Locale.ROOT, "(0x%016x)", Double.doubleToRawLongBits(d));
    } else if (actual instanceof V128 v) {
      return String.format(Locale.ROOT, "v128:0x%016x%016x", v.hi, v.lo);
    }
    return describeReference(actual);
  }

  private static String describeReference(Object ref) {
    if (ref == null) {
      return "null";
    }
    if (ref instanceof ExternValue || ref instanceof FunctionRef) {
      return ref.toString();
    }
    return ref.getClass().getName() + ":" + ref;
  }
}
