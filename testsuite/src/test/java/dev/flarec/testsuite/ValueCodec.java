package dev.flarec.testsuite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flarec.runtime.instance.FunctionRef;
import dev.flarec.runtime.simd.V128;
import dev.flarec.runtime.types.ValueType;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Translates values between wast2json's JSON and the boxed Java values flarec's API takes and
 * returns, and prints them for failure messages.
 *
 * <p>wast2json writes every number as the decimal string of its bits: integers unsigned, floats as
 * the integer whose bits they are. So floats are rebuilt with {@code intBitsToFloat} / {@code
 * longBitsToDouble}, which keeps NaN payloads and signed zeros that parsing a decimal float literal
 * would lose.
 */
final class ValueCodec {
  static final String NAN_CANONICAL = "nan:canonical";
  static final String NAN_ARITHMETIC = "nan:arithmetic";

  private ValueCodec() {}

  /** The value type named as in the JSON ({@code "i32"}, {@code "externref"}, ...). */
  static ValueType type(String name) {
    return switch (name) {
      case "i32" -> ValueType.I32;
      case "i64" -> ValueType.I64;
      case "f32" -> ValueType.F32;
      case "f64" -> ValueType.F64;
      case "funcref" -> ValueType.FUNCREF;
      case "externref" -> ValueType.EXTERNREF;
      case "v128" -> ValueType.V128;
      default -> throw new IllegalArgumentException("unsupported value type \"" + name + "\"");
    };
  }

  /** An argument: {@code {"type": "i32", "value": "42"}}. */
  static WasmValue argument(JsonNode node) {
    ValueType type = type(node.path("type").asText());
    JsonNode value = node.get("value");
    if (type == ValueType.V128 && value != null) {
      return new WasmValue(type, vector(node.path("lane_type").asText(), value));
    }
    if (value == null) {
      throw new IllegalArgumentException("argument without a value: " + node);
    }
    return value(type, value.asText());
  }

  /**
   * An expected result: an exact value, a NaN class, or (a reference without a value) any non-null
   * reference.
   */
  static Expected expected(JsonNode node) {
    ValueType type = type(node.path("type").asText());
    JsonNode value = node.get("value");
    if (value == null) {
      if (type.isReference()) {
        return new Expected.NonNullRef(type);
      }
      throw new IllegalArgumentException("expected " + type + " without a value: " + node);
    }
    if (type == ValueType.V128) {
      return vectorExpected(node.path("lane_type").asText(), value);
    }
    String text = value.asText();
    if (type == ValueType.F32 || type == ValueType.F64) {
      if (text.equals(NAN_CANONICAL)) {
        return new Expected.CanonicalNan(type);
      }
      if (text.equals(NAN_ARITHMETIC)) {
        return new Expected.ArithmeticNan(type);
      }
    }
    if (type == ValueType.FUNCREF && !text.equals("null")) {
      // A funcref's identity cannot be written in a script; only "some function" can be meant.
      return new Expected.NonNullRef(type);
    }
    return new Expected.Exact(value(type, text));
  }

  /**
   * A {@code v128} from wast2json's form: {@code "lane_type": "i32", "value": ["1", "2", "3",
   * "4"]}, each lane the decimal string of its unsigned bits.
   */
  static V128 vector(String laneType, JsonNode lanes) {
    int bits = laneBits(laneType);
    long lo = 0;
    long hi = 0;
    int perHalf = 64 / bits;
    for (int i = 0; i < lanes.size(); i++) {
      long lane = new BigInteger(lanes.get(i).asText()).longValue();
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
  private static Expected vectorExpected(String laneType, JsonNode lanes) {
    boolean nanClass = false;
    for (JsonNode lane : lanes) {
      nanClass |= lane.asText().startsWith("nan:");
    }
    if (!nanClass) {
      return new Expected.Exact(new WasmValue(ValueType.V128, vector(laneType, lanes)));
    }
    ValueType scalar = type(laneType);
    java.util.List<Expected> each = new java.util.ArrayList<>();
    for (JsonNode lane : lanes) {
      String text = lane.asText();
      each.add(
          switch (text) {
            case NAN_CANONICAL -> new Expected.CanonicalNan(scalar);
            case NAN_ARITHMETIC -> new Expected.ArithmeticNan(scalar);
            default -> new Expected.Exact(value(scalar, text));
          });
    }
    return new Expected.Lanes(laneType, each);
  }

  private static int laneBits(String laneType) {
    return switch (laneType) {
      case "i8" -> 8;
      case "i16" -> 16;
      case "i32", "f32" -> 32;
      case "i64", "f64" -> 64;
      default -> throw new IllegalArgumentException("unknown v128 lane type \"" + laneType + "\"");
    };
  }

  /** A value of {@code type} from its JSON text. */
  static WasmValue value(ValueType type, String text) {
    Object boxed =
        switch (type) {
          case I32 -> new BigInteger(text).intValue();
          case I64 -> new BigInteger(text).longValue();
          case F32 -> Float.intBitsToFloat(new BigInteger(text).intValue());
          case F64 -> Double.longBitsToDouble(new BigInteger(text).longValue());
          case EXTERNREF -> text.equals("null") ? null : new ExternValue(Integer.parseInt(text));
          case FUNCREF -> {
            if (!text.equals("null")) {
              throw new IllegalArgumentException(
                  "a script cannot pass a non-null funcref: " + text);
            }
            yield null;
          }
          case V128 ->
              throw new IllegalArgumentException("a v128 has lanes, not one value: " + text);
        };
    return new WasmValue(type, boxed);
  }

  /**
   * A typed value as the failure messages show it, e.g. {@code i32:-1} or {@code
   * f32:NaN(0x7fc00000)}: floats with their bits, since two floats that print alike may differ in
   * sign or payload.
   */
  static String describe(ValueType type, Object boxed) {
    if (type.isReference()) {
      return type + ":" + describeReference(boxed);
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
