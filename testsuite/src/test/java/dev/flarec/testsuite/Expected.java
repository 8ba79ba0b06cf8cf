package dev.flarec.testsuite;

import dev.flarec.runtime.instance.FunctionRef;
import dev.flarec.runtime.types.ValueType;
import java.util.Objects;

/**
 * One expected result of an {@code assert_return}, and the rule for matching an actual result
 * against it.
 *
 * <p>Floats are matched by their raw bits, never with {@code ==}: the spec tests check signs of
 * zero and NaN payloads, which {@code ==} ignores or gets wrong ({@code NaN != NaN}, {@code 0.0 ==
 * -0.0}). Where the spec leaves a NaN's payload open, the script says so with {@code nan:canonical}
 * or {@code nan:arithmetic} (§4.3.3), which are the two NaN records here.
 */
public sealed interface Expected {
  /**
   * Whether {@code actual} (a boxed result as {@code ExportedFunction.call} returns it) matches.
   */
  boolean matches(Object actual);

  /** Exactly this value: same type, same bits (or the same reference). */
  record Exact(WasmValue value) implements Expected {
    @Override
    public boolean matches(Object actual) {
      Object want = value.boxed();
      return switch (value.type()) {
        case I32 -> actual instanceof Integer && actual.equals(want);
        case I64 -> actual instanceof Long && actual.equals(want);
        case F32 ->
            actual instanceof Float f
                && Float.floatToRawIntBits(f) == Float.floatToRawIntBits((Float) want);
        case F64 ->
            actual instanceof Double d
                && Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits((Double) want);
        case FUNCREF, EXTERNREF, V128 -> Objects.equals(want, actual);
      };
    }

    @Override
    public String toString() {
      return value.toString();
    }
  }

  /**
   * A canonical NaN (§4.3.3): exponent all ones, payload exactly the quiet bit, either sign. What
   * arithmetic must produce when all its NaN inputs are canonical.
   */
  record CanonicalNan(ValueType type) implements Expected {
    @Override
    public boolean matches(Object actual) {
      if (type == ValueType.F32 && actual instanceof Float f) {
        return (Float.floatToRawIntBits(f) & 0x7fff_ffff) == 0x7fc0_0000;
      }
      if (type == ValueType.F64 && actual instanceof Double d) {
        return (Double.doubleToRawLongBits(d) & 0x7fff_ffff_ffff_ffffL) == 0x7ff8_0000_0000_0000L;
      }
      return false;
    }

    @Override
    public String toString() {
      return type + ":nan:canonical";
    }
  }

  /**
   * An arithmetic NaN (§4.3.3): exponent all ones and the quiet bit set, any other payload bits,
   * either sign. What arithmetic may produce when some NaN input is not canonical.
   */
  record ArithmeticNan(ValueType type) implements Expected {
    @Override
    public boolean matches(Object actual) {
      if (type == ValueType.F32 && actual instanceof Float f) {
        return (Float.floatToRawIntBits(f) & 0x7fc0_0000) == 0x7fc0_0000;
      }
      if (type == ValueType.F64 && actual instanceof Double d) {
        return (Double.doubleToRawLongBits(d) & 0x7ff8_0000_0000_0000L) == 0x7ff8_0000_0000_0000L;
      }
      return false;
    }

    @Override
    public String toString() {
      return type + ":nan:arithmetic";
    }
  }

  /**
   * A {@code v128} matched lane by lane, each lane as the scalar expectation of its lane type: a
   * script writes per-lane NaN classes ({@code (v128.const f32x4 nan:canonical 1 2 3)}).
   */
  record Lanes(String shape, java.util.List<Expected> lanes) implements Expected {
    @Override
    public boolean matches(Object actual) {
      if (!(actual instanceof dev.flarec.runtime.simd.V128 v)) {
        return false;
      }
      for (int i = 0; i < lanes.size(); i++) {
        Object lane = shape.equals("f32") ? (Object) v.f32(i) : (Object) v.f64(i);
        if (!lanes.get(i).matches(lane)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return "v128:" + shape + "x" + lanes.size() + lanes;
    }
  }

  /**
   * Some non-null reference of the type: the scripts write {@code (ref.func)} or {@code
   * (ref.extern)} without an index when the identity does not matter.
   */
  record NonNullRef(ValueType type) implements Expected {
    @Override
    public boolean matches(Object actual) {
      return type == ValueType.FUNCREF ? actual instanceof FunctionRef : actual != null;
    }

    @Override
    public String toString() {
      return type + ":non-null";
    }
  }
}
