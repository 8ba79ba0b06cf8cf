package dev.flarec.runtime.memory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Little-endian views of a memory's {@code byte[]}: Wasm's byte order, for code that reads and
 * writes memory through {@code VarHandle}s (the host's accessors, SIMD lanes, and compiled code's
 * accesses from Java 24 on).
 *
 * <p>A class of their own rather than fields of {@link Memory}: making the five views loads and
 * links a dozen JDK classes, several milliseconds of a program's first run that compiled code on
 * Java 17 to 23, which accesses memory through {@code Unsafe}, never needs.
 */
public final class LittleEndian {
  private LittleEndian() {}

  public static final VarHandle SHORT =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  public static final VarHandle INT =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  public static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  public static final VarHandle FLOAT =
      MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
  public static final VarHandle DOUBLE =
      MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
}
