package dev.flarec.testsuite;

import dev.flarec.runtime.instance.FunctionRef;
import dev.flarec.runtime.simd.V128;
import java.util.List;
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

  /**
   * Exactly this value: the same Java type (which tells i32 from i64 and f32 from f64), the same
   * bits, or an equal reference.
   */
  record Exact(WasmValue value) implements Expected {
    @Override
    public boolean matches(Object actual) {
      Object want = value.boxed();
      if (want instanceof Float w) {
        return actual instanceof Float f
            && Float.floatToRawIntBits(f) == Float.floatToRawIntBits(w);
      }
      if (want instanceof Double w) {
        return actual instanceof Double d
            && Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(w);
      }
      return Objects.equals(want, actual);
    }

    @Override
    public String toString() {
      return value.toString();
    }
  }

  /**
   * A canonical NaN (§4.3.3): exponent all ones, payload exactly the quiet bit, either sign. What
   * arithmetic must produce when all its NaN inputs are canonical.
   *
   * @param f64 whether the NaN is an f64 (else an f32)
   */
  record CanonicalNan(boolean f64) implements Expected {
    @Override
    public boolean matches(Object actual) {
      if (!f64 && actual instanceof Float f) {
        return (Float.floatToRawIntBits(f) & 0x7fff_ffff) == 0x7fc0_0000;
      }
      if (f64 && actual instanceof Double d) {
        return (Double.doubleToRawLongBits(d) & 0x7fff_ffff_ffff_ffffL) == 0x7ff8_0000_0000_0000L;
      }
      return false;
    }

    @Override
    public String toString() {
      return (f64 ? "f64" : "f32") + ":nan:canonical";
    }
  }

  /**
   * An arithmetic NaN (§4.3.3): exponent all ones and the quiet bit set, any other payload bits,
   * either sign. What arithmetic may produce when some NaN input is not canonical.
   *
   * @param f64 whether the NaN is an f64 (else an f32)
   */
  record ArithmeticNan(boolean f64) implements Expected {
    @Override
    public boolean matches(Object actual) {
      if (!f64 && actual instanceof Float f) {
        return (Float.floatToRawIntBits(f) & 0x7fc0_0000) == 0x7fc0_0000;
      }
      if (f64 && actual instanceof Double d) {
        return (Double.doubleToRawLongBits(d) & 0x7ff8_0000_0000_0000L) == 0x7ff8_0000_0000_0000L;
      }
      return false;
    }

    @Override
    public String toString() {
      return (f64 ? "f64" : "f32") + ":nan:arithmetic";
    }
  }

  /**
   * A {@code v128} matched lane by lane, each lane as the scalar expectation of its lane type: a
   * script writes per-lane NaN classes ({@code (v128.const f32x4 nan:canonical 1 2 3)}).
   *
   * @param shape {@code f32} or {@code f64}
   */
  record Lanes(String shape, List<Expected> lanes) implements Expected {
    @Override
    public boolean matches(Object actual) {
      if (!(actual instanceof V128 v)) {
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
   * A null reference: {@code (ref.null)} of any heap type, since a null carries no type at run
   * time.
   */
  record NullRef(String heapType) implements Expected {
    @Override
    public boolean matches(Object actual) {
      return actual == null;
    }

    @Override
    public String toString() {
      return "ref.null" + (heapType.isEmpty() ? "" : " " + heapType);
    }
  }

  /**
   * Some non-null reference of a kind: the scripts write {@code (ref.func)} or {@code (ref.extern)}
   * without an index when the identity does not matter. Only functions have a class of their own to
   * check; any other kind matches every non-null reference.
   */
  record NonNullRef(String kind) implements Expected {
    @Override
    public boolean matches(Object actual) {
      return kind.equals("func") ? actual instanceof FunctionRef : actual != null;
    }

    @Override
    public String toString() {
      return "ref." + kind;
    }
  }

  /** {@code (either ...)}: any one of the alternatives, where the spec allows several results. */
  record Either(List<Expected> alternatives) implements Expected {
    @Override
    public boolean matches(Object actual) {
      return alternatives.stream().anyMatch(a -> a.matches(actual));
    }

    @Override
    public String toString() {
      return "either" + alternatives;
    }
  }
}
