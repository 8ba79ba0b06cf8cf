package dev.flarec.runtime.launch;

import dev.flarec.runtime.simd.V128;
import dev.flarec.runtime.types.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wasm values as command-line text: {@link #parse} reads an argument for a parameter of a given
 * type, {@link #format} prints a result so that {@link #parse} reads back exactly the same bits.
 *
 * <p>Accepted input, close to the text format's literals (Wasm 2.0 §6.3.1, §6.3.2):
 *
 * <ul>
 *   <li>i32, i64: decimal or {@code 0x} hex, optionally signed, in the signed <em>or</em> unsigned
 *       range of the type, so {@code 4294967295} and {@code -1} are the same i32;
 *   <li>f32, f64: decimal ({@code 1.5}, {@code -2e-3}), hex float ({@code 0x1.8p3}), {@code inf},
 *       {@code infinity}, {@code nan} (the canonical quiet NaN) and {@code nan:0x<payload>}, each
 *       optionally signed; Java's {@code Infinity} and {@code 1.0E308} too;
 *   <li>funcref, externref: only {@code null}, as no reference can be written on a command line;
 *   <li>v128: a shape and its lanes in one string, as a text-format constant: {@code i32x4 1 2 3
 *       4}, {@code i8x16} with 16 lanes, {@code f64x2 nan -0}; lanes read like the scalars of their
 *       type, i8 and i16 lanes in their signed or unsigned range.
 * </ul>
 *
 * <p>Output, in the text format's notation: integers as signed decimal; floats as the shortest
 * decimal that reads back as the same value ({@code 0.1}, {@code 1e308}, {@code -0}, {@code
 * 1.4e-45}), plain up to 21 digits and with an exponent {@code e} beyond, {@code inf} and {@code
 * -inf}; NaN as {@code nan} when it is the canonical quiet NaN and {@code nan:0x<payload>}
 * otherwise, with {@code -} in front when the sign bit is set, because Java would print every NaN
 * as {@code NaN} and lose the bits the spec tests distinguish; references as {@code null} or {@code
 * ref}; a v128 as {@code i32x4} and four signed decimals.
 *
 * @see <a href="https://webassembly.github.io/spec/core/text/values.html">Wasm 2.0 §6.3 values</a>
 */
public final class ValueFormat {
  private static final Pattern DECIMAL_INT = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern HEX_INT = Pattern.compile("([+-]?)0[xX]([0-9a-fA-F]+)");
  private static final Pattern DECIMAL_FLOAT =
      Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
  private static final Pattern HEX_FLOAT =
      Pattern.compile(
          "[+-]?0[xX]([0-9a-fA-F]+(\\.[0-9a-fA-F]*)?|\\.[0-9a-fA-F]+)([pP][+-]?[0-9]+)?");
  private static final Pattern NAN =
      Pattern.compile("([+-]?)nan(:0x([0-9a-f]+))?", Pattern.CASE_INSENSITIVE);
  private static final Pattern INFINITY =
      Pattern.compile("([+-]?)inf(inity)?", Pattern.CASE_INSENSITIVE);

  private static final BigInteger I32_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger I32_MAX_UNSIGNED =
      BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
  private static final BigInteger I64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger I64_MAX_UNSIGNED =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private static final int F32_PAYLOAD_MASK = 0x007f_ffff;
  private static final int F32_CANONICAL_PAYLOAD = 0x0040_0000;
  private static final int F32_EXPONENT = 0x7f80_0000;
  private static final long F64_PAYLOAD_MASK = 0x000f_ffff_ffff_ffffL;
  private static final long F64_CANONICAL_PAYLOAD = 0x0008_0000_0000_0000L;
  private static final long F64_EXPONENT = 0x7ff0_0000_0000_0000L;

  private ValueFormat() {}

  /**
   * The value {@code text} denotes as a {@code type}, boxed as {@link
   * dev.flarec.runtime.instance.ExportedFunction#call} takes it.
   *
   * @throws IllegalArgumentException with a one-line message saying what was expected
   */
  public static Object parse(ValueType type, String text) {
    return switch (type) {
      case I32 -> parseI32(text);
      case I64 -> parseI64(text);
      case F32 -> parseF32(text);
      case F64 -> parseF64(text);
      case FUNCREF, EXTERNREF, EXNREF -> parseNullReference(type, text);
      case V128 -> parseV128(text);
    };
  }

  /**
   * The text for a value of {@code type}, boxed as {@link
   * dev.flarec.runtime.instance.ExportedFunction#call} returns it.
   */
  public static String format(ValueType type, Object value) {
    return switch (type) {
      case I32 -> Integer.toString((Integer) value);
      case I64 -> Long.toString((Long) value);
      case F32 -> formatF32((Float) value);
      case F64 -> formatF64((Double) value);
      case FUNCREF, EXTERNREF, EXNREF -> value == null ? "null" : "ref";
      case V128 -> formatV128((V128) value);
    };
  }

  /** The number of lanes of each {@code v128} shape, or -1 for a word that is not a shape. */
  public static int laneCount(String shape) {
    return switch (shape) {
      case "i8x16" -> 16;
      case "i16x8" -> 8;
      case "i32x4", "f32x4" -> 4;
      case "i64x2", "f64x2" -> 2;
      default -> -1;
    };
  }

  public static V128 parseV128(String text) {
    String[] words = text.trim().split("\\s+");
    int lanes = laneCount(words[0]);
    if (lanes < 0) {
      throw new IllegalArgumentException(
          "expected a v128 as a shape and its lanes (e.g. \"i32x4 1 2 3 4\"), got \""
              + text
              + "\"");
    }
    if (words.length != lanes + 1) {
      throw new IllegalArgumentException(
          "a "
              + words[0]
              + " v128 has "
              + lanes
              + " lanes, got "
              + (words.length - 1)
              + " in \""
              + text
              + "\"");
    }
    switch (words[0]) {
      case "i8x16", "i16x8" -> {
        int bits = lanes == 16 ? 8 : 16;
        short[] wide = new short[lanes];
        byte[] narrow = new byte[lanes];
        for (int i = 0; i < lanes; i++) {
          BigInteger v =
              parseInteger(
                  words[i + 1],
                  ValueType.I32,
                  BigInteger.ONE.shiftLeft(bits - 1).negate(),
                  BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
          wide[i] = (short) v.intValue();
          narrow[i] = (byte) v.intValue();
        }
        return bits == 8 ? V128.ofI8(narrow) : V128.ofI16(wide);
      }
      case "i32x4", "f32x4" -> {
        int[] bits = new int[4];
        for (int i = 0; i < 4; i++) {
          bits[i] =
              words[0].charAt(0) == 'i'
                  ? parseI32(words[i + 1])
                  : Float.floatToRawIntBits(parseF32(words[i + 1]));
        }
        return V128.ofI32(bits);
      }
      default -> {
        long[] bits = new long[2];
        for (int i = 0; i < 2; i++) {
          bits[i] =
              words[0].charAt(0) == 'i'
                  ? parseI64(words[i + 1])
                  : Double.doubleToRawLongBits(parseF64(words[i + 1]));
        }
        return V128.ofI64(bits);
      }
    }
  }

  /** A v128 as {@code i32x4} and four signed decimals, which {@link #parseV128} reads back. */
  public static String formatV128(V128 v) {
    return "i32x4 " + v.i32(0) + " " + v.i32(1) + " " + v.i32(2) + " " + v.i32(3);
  }

  public static int parseI32(String text) {
    return parseInteger(text, ValueType.I32, I32_MIN, I32_MAX_UNSIGNED).intValue();
  }

  public static long parseI64(String text) {
    return parseInteger(text, ValueType.I64, I64_MIN, I64_MAX_UNSIGNED).longValue();
  }

  public static float parseF32(String text) {
    Matcher nan = NAN.matcher(text);
    if (nan.matches()) {
      int payload = (int) nanPayload(nan, ValueType.F32, F32_PAYLOAD_MASK, F32_CANONICAL_PAYLOAD);
      int sign = nan.group(1).equals("-") ? Integer.MIN_VALUE : 0;
      return Float.intBitsToFloat(sign | F32_EXPONENT | payload);
    }
    Matcher inf = INFINITY.matcher(text);
    if (inf.matches()) {
      return inf.group(1).equals("-") ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY;
    }
    float value = Float.parseFloat(javaFloatSyntax(text, ValueType.F32));
    if (Float.isInfinite(value)) {
      throw outOfRange(text, ValueType.F32);
    }
    return value;
  }

  public static double parseF64(String text) {
    Matcher nan = NAN.matcher(text);
    if (nan.matches()) {
      long payload = nanPayload(nan, ValueType.F64, F64_PAYLOAD_MASK, F64_CANONICAL_PAYLOAD);
      long sign = nan.group(1).equals("-") ? Long.MIN_VALUE : 0;
      return Double.longBitsToDouble(sign | F64_EXPONENT | payload);
    }
    Matcher inf = INFINITY.matcher(text);
    if (inf.matches()) {
      return inf.group(1).equals("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    double value = Double.parseDouble(javaFloatSyntax(text, ValueType.F64));
    if (Double.isInfinite(value)) {
      throw outOfRange(text, ValueType.F64);
    }
    return value;
  }

  public static String formatF32(float value) {
    if (!Float.isNaN(value)) {
      return formatNumber(value, true);
    }
    int bits = Float.floatToRawIntBits(value);
    return formatNaN(bits < 0, bits & F32_PAYLOAD_MASK, F32_CANONICAL_PAYLOAD);
  }

  public static String formatF64(double value) {
    if (!Double.isNaN(value)) {
      return formatNumber(value, false);
    }
    long bits = Double.doubleToRawLongBits(value);
    return formatNaN(bits < 0, bits & F64_PAYLOAD_MASK, F64_CANONICAL_PAYLOAD);
  }

  /**
   * Shortest round-trip decimal of a finite or infinite {@code value} (an f32's when {@code f32}).
   */
  private static String formatNumber(double value, boolean f32) {
    String sign = (Double.doubleToRawLongBits(value) < 0) ? "-" : "";
    if (Double.isInfinite(value)) {
      return sign + "inf";
    }
    if (value == 0) {
      return sign + "0";
    }
    BigDecimal exact = new BigDecimal(Math.abs(value));
    BigDecimal shortest = exact;
    // 9 significant digits tell every f32 apart, 17 every f64
    for (int digits = 1; digits <= (f32 ? 9 : 17); digits++) {
      BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      boolean same =
          f32
              ? Float.parseFloat(candidate.toString()) == (float) Math.abs(value)
              : Double.parseDouble(candidate.toString()) == Math.abs(value);
      if (same) {
        shortest = candidate;
        break;
      }
    }
    shortest = shortest.stripTrailingZeros();
    int exponent = shortest.precision() - shortest.scale() - 1;
    if (exponent >= -6 && exponent < 21) {
      return sign + shortest.toPlainString();
    }
    String digits = shortest.unscaledValue().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign + mantissa + "e" + exponent;
  }

  private static String formatNaN(boolean negative, long payload, long canonical) {
    String sign = negative ? "-" : "";
    return payload == canonical ? sign + "nan" : sign + "nan:0x" + Long.toHexString(payload);
  }

  private static BigInteger parseInteger(
      String text, ValueType type, BigInteger min, BigInteger maxUnsigned) {
    BigInteger value;
    Matcher hex = HEX_INT.matcher(text);
    if (hex.matches()) {
      value = new BigInteger(hex.group(2), 16);
      if (hex.group(1).equals("-")) {
        value = value.negate();
      }
    } else if (DECIMAL_INT.matcher(text).matches()) {
      value = new BigInteger(text);
    } else {
      throw notA(text, type, "a decimal or 0x hex integer");
    }
    if (value.compareTo(min) < 0 || value.compareTo(maxUnsigned) > 0) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is out of range for " + type + " (" + min + " to " + maxUnsigned + ")");
    }
    return value;
  }

  private static long nanPayload(Matcher nan, ValueType type, long mask, long canonical) {
    if (nan.group(3) == null) {
      return canonical;
    }
    String digits = nan.group(3);
    BigInteger payload = new BigInteger(digits, 16);
    if (payload.signum() == 0 || payload.bitLength() > Long.bitCount(mask)) {
      throw new IllegalArgumentException(
          "NaN payload 0x"
              + digits.toLowerCase(Locale.ROOT)
              + " is out of range for "
              + type
              + " (0x1 to 0x"
              + Long.toHexString(mask)
              + ")");
    }
    return payload.longValue();
  }

  /** The literal as Java's parsers want it: hex floats need an exponent there. */
  private static String javaFloatSyntax(String text, ValueType type) {
    if (HEX_FLOAT.matcher(text).matches()) {
      return text.indexOf('p') < 0 && text.indexOf('P') < 0 ? text + "p0" : text;
    }
    if (DECIMAL_FLOAT.matcher(text).matches()) {
      return text;
    }
    throw notA(text, type, "a decimal or 0x hex float, inf, -inf, nan or nan:0x<payload>");
  }

  private static Object parseNullReference(ValueType type, String text) {
    if (text.equals("null")) {
      return null;
    }
    throw notA(text, type, "null, the only reference a command line can give");
  }

  private static IllegalArgumentException notA(String text, ValueType type, String expected) {
    return new IllegalArgumentException(
        "\"" + text + "\" is not " + article(type) + " " + type + " (expected " + expected + ")");
  }

  private static IllegalArgumentException outOfRange(String text, ValueType type) {
    return new IllegalArgumentException(
        "\"" + text + "\" is out of range for " + type + " (write inf for infinity)");
  }

  private static String article(ValueType type) {
    // "an i32", "an f64", "an externref", but "a funcref"
    return type == ValueType.FUNCREF ? "a" : "an";
  }
}
