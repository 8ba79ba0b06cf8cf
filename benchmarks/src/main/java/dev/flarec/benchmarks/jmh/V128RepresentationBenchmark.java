package dev.flarec.benchmarks.jmh;

import dev.flarec.runtime.memory.LittleEndian;
import dev.flarec.runtime.simd.IntLanes;
import dev.flarec.runtime.simd.V128;
import dev.flarec.runtime.simd.V128Memory;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How a {@code v128} should live on the JVM: the same SIMD kernel (an i32x4 multiply-accumulate
 * over two 4,096-lane vectors in linear memory, then the lanes summed) written the way generated
 * code would look for each candidate representation. {@code object} is what flarec emits: an
 * immutable {@link V128} and static calls of {@code runtime.simd}. The others model the
 * alternatives: two {@code long} locals per value (each lane-wise operation called once per half, a
 * helper cannot return two longs), a fresh {@code long[2]} per result, a fresh {@code byte[16]} per
 * result. See docs/RATIONALE.md#why-a-v128-is-an-immutable-pair-of-longs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class V128RepresentationBenchmark {
  private static final int LANES = 4096;
  private static final int B = LANES * 4;

  private byte[] memory;

  @Setup
  public void setUp() {
    memory = new byte[2 * B];
    for (int i = 0; i < 2 * LANES; i++) {
      LittleEndian.INT.set(memory, i * 4, i * 7 - 3);
    }
  }

  @Benchmark
  public int object() {
    byte[] m = memory;
    V128 acc = V128.ZERO;
    for (int i = 0; i < B; i += 16) {
      acc =
          IntLanes.i32x4Add(
              acc, IntLanes.i32x4Mul(V128Memory.load(i, m), V128Memory.load(B + i, m)));
    }
    return acc.i32(0) + acc.i32(1) + acc.i32(2) + acc.i32(3);
  }

  @Benchmark
  public int twoLongs() {
    byte[] m = memory;
    long lo = 0;
    long hi = 0;
    for (int i = 0; i < B; i += 16) {
      java.util.Objects.checkFromIndexSize(i, 16, m.length);
      long aLo = (long) LittleEndian.LONG.get(m, i);
      long aHi = (long) LittleEndian.LONG.get(m, i + 8);
      java.util.Objects.checkFromIndexSize(B + i, 16, m.length);
      long bLo = (long) LittleEndian.LONG.get(m, B + i);
      long bHi = (long) LittleEndian.LONG.get(m, B + i + 8);
      long pLo = mulHalf(aLo, bLo);
      long pHi = mulHalf(aHi, bHi);
      lo = addHalf(lo, pLo);
      hi = addHalf(hi, pHi);
    }
    return (int) lo + (int) (lo >>> 32) + (int) hi + (int) (hi >>> 32);
  }

  @Benchmark
  public int longArray() {
    byte[] m = memory;
    long[] acc = new long[2];
    for (int i = 0; i < B; i += 16) {
      long[] a = loadLongs(m, i);
      long[] b = loadLongs(m, B + i);
      long[] p = {mulHalf(a[0], b[0]), mulHalf(a[1], b[1])};
      acc = new long[] {addHalf(acc[0], p[0]), addHalf(acc[1], p[1])};
    }
    return (int) acc[0] + (int) (acc[0] >>> 32) + (int) acc[1] + (int) (acc[1] >>> 32);
  }

  @Benchmark
  public int byteArray() {
    byte[] m = memory;
    byte[] acc = new byte[16];
    for (int i = 0; i < B; i += 16) {
      byte[] a = java.util.Arrays.copyOfRange(m, i, i + 16);
      byte[] b = java.util.Arrays.copyOfRange(m, B + i, B + i + 16);
      byte[] r = new byte[16];
      for (int k = 0; k < 16; k += 4) {
        int x = (int) LittleEndian.INT.get(a, k) * (int) LittleEndian.INT.get(b, k);
        LittleEndian.INT.set(r, k, (int) LittleEndian.INT.get(acc, k) + x);
      }
      acc = r;
    }
    return (int) LittleEndian.INT.get(acc, 0)
        + (int) LittleEndian.INT.get(acc, 4)
        + (int) LittleEndian.INT.get(acc, 8)
        + (int) LittleEndian.INT.get(acc, 12);
  }

  private static long[] loadLongs(byte[] m, int at) {
    java.util.Objects.checkFromIndexSize(at, 16, m.length);
    return new long[] {
      (long) LittleEndian.LONG.get(m, at), (long) LittleEndian.LONG.get(m, at + 8)
    };
  }

  private static long mulHalf(long a, long b) {
    return pair((int) a * (int) b, (int) (a >>> 32) * (int) (b >>> 32));
  }

  private static long addHalf(long a, long b) {
    return pair((int) a + (int) b, (int) (a >>> 32) + (int) (b >>> 32));
  }

  private static long pair(int low, int high) {
    return (low & 0xFFFF_FFFFL) | ((long) high << 32);
  }
}
