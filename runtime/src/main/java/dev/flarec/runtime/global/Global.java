package dev.flarec.runtime.global;

import dev.flarec.runtime.types.ValueType;

/**
 * A global variable that is shared across a module boundary (imported or exported). Globals a
 * module keeps to itself are plain typed fields of the generated class instead; shared ones live in
 * one of these cells, whose subclasses hold the value in a typed public field that compiled code
 * reads and writes directly (see docs/RATIONALE.md#why-typed-fields-for-globals).
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/runtime.html#global-instances">Wasm
 *     2.0 §4.2.9</a>
 */
public abstract sealed class Global
    permits Global.I32, Global.I64, Global.F32, Global.F64, Global.Ref, Global.Vector {
  private final ValueType type;
  private final boolean mutable;

  Global(ValueType type, boolean mutable) {
    this.type = type;
    this.mutable = mutable;
  }

  public ValueType type() {
    return type;
  }

  public boolean mutable() {
    return mutable;
  }

  /** The value, boxed (an Integer, Long, Float, Double, a V128, or a reference). */
  public abstract Object get();

  /** Sets the value from its boxed form, regardless of mutability (the host may). */
  public abstract void set(Object value);

  /** A new cell of the given type holding {@code initial} (boxed), or the type's zero. */
  public static Global of(ValueType type, boolean mutable, Object initial) {
    Global g =
        switch (type) {
          case I32 -> new I32(mutable);
          case I64 -> new I64(mutable);
          case F32 -> new F32(mutable);
          case F64 -> new F64(mutable);
          case FUNCREF, EXTERNREF, EXNREF -> new Ref(type, mutable);
          case V128 -> new Vector(mutable);
        };
    if (initial != null) {
      g.set(initial);
    }
    return g;
  }

  /** An i32 global. */
  public static final class I32 extends Global {
    public int value;

    public I32(boolean mutable) {
      super(ValueType.I32, mutable);
    }

    @Override
    public Object get() {
      return value;
    }

    @Override
    public void set(Object v) {
      value = (Integer) v;
    }
  }

  /** An i64 global. */
  public static final class I64 extends Global {
    public long value;

    public I64(boolean mutable) {
      super(ValueType.I64, mutable);
    }

    @Override
    public Object get() {
      return value;
    }

    @Override
    public void set(Object v) {
      value = (Long) v;
    }
  }

  /** An f32 global. */
  public static final class F32 extends Global {
    public float value;

    public F32(boolean mutable) {
      super(ValueType.F32, mutable);
    }

    @Override
    public Object get() {
      return value;
    }

    @Override
    public void set(Object v) {
      value = (Float) v;
    }
  }

  /** An f64 global. */
  public static final class F64 extends Global {
    public double value;

    public F64(boolean mutable) {
      super(ValueType.F64, mutable);
    }

    @Override
    public Object get() {
      return value;
    }

    @Override
    public void set(Object v) {
      value = (Double) v;
    }
  }

  /** A v128 global. */
  public static final class Vector extends Global {
    public dev.flarec.runtime.simd.V128 value = dev.flarec.runtime.simd.V128.ZERO;

    public Vector(boolean mutable) {
      super(ValueType.V128, mutable);
    }

    @Override
    public Object get() {
      return value;
    }

    @Override
    public void set(Object v) {
      value = (dev.flarec.runtime.simd.V128) v;
    }
  }

  /** A funcref or externref global. */
  public static final class Ref extends Global {
    public Object value;

    public Ref(ValueType type, boolean mutable) {
      super(type, mutable);
    }

    @Override
    public Object get() {
      return value;
    }

    @Override
    public void set(Object v) {
      value = v;
    }
  }
}
