package dev.flarec.runtime.simd;

import dev.flarec.runtime.memory.LittleEndian;
import dev.flarec.runtime.memory.MemoryAccess;
import java.util.Objects;

/**
 * The {@code v128} loads and stores of compiled code, in the calling convention of {@link
 * dev.flarec.runtime.memory.MemoryAccess}: the effective address, the memory's array, its size in
 * bytes when the module's accesses check it, then the stored value or the lane operand and lane
 * index. Each access is checked whole before it reads or writes (an out-of-bounds access throws
 * {@link IndexOutOfBoundsException}, which the trap boundary turns into a trap), so a trapping
 * store writes nothing.
 */
public final class V128Memory {
  private V128Memory() {}

  /** {@code v128.load}. */
  public static V128 load(int address, byte[] bytes) {
    int at = Objects.checkFromIndexSize(address, 16, bytes.length);
    return new V128(
        (long) LittleEndian.LONG.get(bytes, at), (long) LittleEndian.LONG.get(bytes, at + 8));
  }

  public static V128 load(int address, byte[] bytes, int size) {
    int at = Objects.checkFromIndexSize(address, 16, size);
    return new V128(
        (long) LittleEndian.LONG.get(bytes, at), (long) LittleEndian.LONG.get(bytes, at + 8));
  }

  /** {@code v128.load8x8_s}: eight bytes, each lane widened. */
  public static V128 load8x8S(int address, byte[] bytes) {
    int at = Objects.checkFromIndexSize(address, 8, bytes.length);
    return IntLanes.i16x8ExtendLowI8x16S(new V128((long) LittleEndian.LONG.get(bytes, at), 0));
  }

  public static V128 load8x8S(int address, byte[] bytes, int size) {
    int at = Objects.checkFromIndexSize(address, 8, size);
    return IntLanes.i16x8ExtendLowI8x16S(new V128((long) LittleEndian.LONG.get(bytes, at), 0));
  }

  /** {@code v128.load8x8_u}: eight bytes, each lane widened. */
  public static V128 load8x8U(int address, byte[] bytes) {
    int at = Objects.checkFromIndexSize(address, 8, bytes.length);
    return IntLanes.i16x8ExtendLowI8x16U(new V128((long) LittleEndian.LONG.get(bytes, at), 0));
  }

  public static V128 load8x8U(int address, byte[] bytes, int size) {
    int at = Objects.checkFromIndexSize(address, 8, size);
    return IntLanes.i16x8ExtendLowI8x16U(new V128((long) LittleEndian.LONG.get(bytes, at), 0));
  }

  /** {@code v128.load16x4_s}: eight bytes, each lane widened. */
  public static V128 load16x4S(int address, byte[] bytes) {
    int at = Objects.checkFromIndexSize(address, 8, bytes.length);
    return IntLanes.i32x4ExtendLowI16x8S(new V128((long) LittleEndian.LONG.get(bytes, at), 0));
  }

  public static V128 load16x4S(int address, byte[] bytes, int size) {
    int at = Objects.checkFromIndexSize(address, 8, size);
    return IntLanes.i32x4ExtendLowI16x8S(new V128((long) LittleEndian.LONG.get(bytes, at), 0));
  }

  /** {@code v128.load16x4_u}: eight bytes, each lane widened. */
  public static V128 load16x4U(int address, byte[] bytes) {
    int at = Objects.checkFromIndexSize(address, 8, bytes.length);
    return IntLanes.i32x4ExtendLowI16x8U(new V128((long) LittleEndian.LONG.get(bytes, at), 0));
  }

  public static V128 load16x4U(int address, byte[] bytes, int size) {
    int at = Objects.checkFromIndexSize(address, 8, size);
    return IntLanes.i32x4ExtendLowI16x8U(new V128((long) LittleEndian.LONG.get(bytes, at), 0));
  }

  /** {@code v128.load32x2_s}: eight bytes, each lane widened. */
  public static V128 load32x2S(int address, byte[] bytes) {
    int at = Objects.checkFromIndexSize(address, 8, bytes.length);
    return IntLanes.i64x2ExtendLowI32x4S(new V128((long) LittleEndian.LONG.get(bytes, at), 0));
  }

  public static V128 load32x2S(int address, byte[] bytes, int size) {
    int at = Objects.checkFromIndexSize(address, 8, size);
    return IntLanes.i64x2ExtendLowI32x4S(new V128((long) LittleEndian.LONG.get(bytes, at), 0));
  }

  /** {@code v128.load32x2_u}: eight bytes, each lane widened. */
  public static V128 load32x2U(int address, byte[] bytes) {
    int at = Objects.checkFromIndexSize(address, 8, bytes.length);
    return IntLanes.i64x2ExtendLowI32x4U(new V128((long) LittleEndian.LONG.get(bytes, at), 0));
  }

  public static V128 load32x2U(int address, byte[] bytes, int size) {
    int at = Objects.checkFromIndexSize(address, 8, size);
    return IntLanes.i64x2ExtendLowI32x4U(new V128((long) LittleEndian.LONG.get(bytes, at), 0));
  }

  /** {@code v128.load8_splat}. */
  public static V128 load8Splat(int address, byte[] bytes) {
    int at = Objects.checkFromIndexSize(address, 1, bytes.length);
    return V128Bits.i8x16Splat(bytes[at]);
  }

  public static V128 load8Splat(int address, byte[] bytes, int size) {
    int at = Objects.checkFromIndexSize(address, 1, size);
    return V128Bits.i8x16Splat(bytes[at]);
  }

  /** {@code v128.load16_splat}. */
  public static V128 load16Splat(int address, byte[] bytes) {
    int at = Objects.checkFromIndexSize(address, 2, bytes.length);
    return V128Bits.i16x8Splat((short) LittleEndian.SHORT.get(bytes, at));
  }

  public static V128 load16Splat(int address, byte[] bytes, int size) {
    int at = Objects.checkFromIndexSize(address, 2, size);
    return V128Bits.i16x8Splat((short) LittleEndian.SHORT.get(bytes, at));
  }

  /** {@code v128.load32_splat}. */
  public static V128 load32Splat(int address, byte[] bytes) {
    int at = Objects.checkFromIndexSize(address, 4, bytes.length);
    return V128Bits.i32x4Splat((int) LittleEndian.INT.get(bytes, at));
  }

  public static V128 load32Splat(int address, byte[] bytes, int size) {
    int at = Objects.checkFromIndexSize(address, 4, size);
    return V128Bits.i32x4Splat((int) LittleEndian.INT.get(bytes, at));
  }

  /** {@code v128.load64_splat}. */
  public static V128 load64Splat(int address, byte[] bytes) {
    int at = Objects.checkFromIndexSize(address, 8, bytes.length);
    return V128Bits.i64x2Splat((long) LittleEndian.LONG.get(bytes, at));
  }

  public static V128 load64Splat(int address, byte[] bytes, int size) {
    int at = Objects.checkFromIndexSize(address, 8, size);
    return V128Bits.i64x2Splat((long) LittleEndian.LONG.get(bytes, at));
  }

  /** {@code v128.load32_zero}. */
  public static V128 load32Zero(int address, byte[] bytes) {
    int at = Objects.checkFromIndexSize(address, 4, bytes.length);
    return new V128((int) LittleEndian.INT.get(bytes, at) & 0xFFFF_FFFFL, 0);
  }

  public static V128 load32Zero(int address, byte[] bytes, int size) {
    int at = Objects.checkFromIndexSize(address, 4, size);
    return new V128((int) LittleEndian.INT.get(bytes, at) & 0xFFFF_FFFFL, 0);
  }

  /** {@code v128.load64_zero}. */
  public static V128 load64Zero(int address, byte[] bytes) {
    int at = Objects.checkFromIndexSize(address, 8, bytes.length);
    return new V128((long) LittleEndian.LONG.get(bytes, at), 0);
  }

  public static V128 load64Zero(int address, byte[] bytes, int size) {
    int at = Objects.checkFromIndexSize(address, 8, size);
    return new V128((long) LittleEndian.LONG.get(bytes, at), 0);
  }

  /** {@code v128.load8_lane}. */
  public static V128 load8Lane(int address, byte[] bytes, V128 v, int lane) {
    int at = Objects.checkFromIndexSize(address, 1, bytes.length);
    return V128Bits.i8x16ReplaceLane(v, bytes[at], lane);
  }

  public static V128 load8Lane(int address, byte[] bytes, int size, V128 v, int lane) {
    int at = Objects.checkFromIndexSize(address, 1, size);
    return V128Bits.i8x16ReplaceLane(v, bytes[at], lane);
  }

  /** {@code v128.load16_lane}. */
  public static V128 load16Lane(int address, byte[] bytes, V128 v, int lane) {
    int at = Objects.checkFromIndexSize(address, 2, bytes.length);
    return V128Bits.i16x8ReplaceLane(v, (short) LittleEndian.SHORT.get(bytes, at), lane);
  }

  public static V128 load16Lane(int address, byte[] bytes, int size, V128 v, int lane) {
    int at = Objects.checkFromIndexSize(address, 2, size);
    return V128Bits.i16x8ReplaceLane(v, (short) LittleEndian.SHORT.get(bytes, at), lane);
  }

  /** {@code v128.load32_lane}. */
  public static V128 load32Lane(int address, byte[] bytes, V128 v, int lane) {
    int at = Objects.checkFromIndexSize(address, 4, bytes.length);
    return V128Bits.i32x4ReplaceLane(v, (int) LittleEndian.INT.get(bytes, at), lane);
  }

  public static V128 load32Lane(int address, byte[] bytes, int size, V128 v, int lane) {
    int at = Objects.checkFromIndexSize(address, 4, size);
    return V128Bits.i32x4ReplaceLane(v, (int) LittleEndian.INT.get(bytes, at), lane);
  }

  /** {@code v128.load64_lane}. */
  public static V128 load64Lane(int address, byte[] bytes, V128 v, int lane) {
    int at = Objects.checkFromIndexSize(address, 8, bytes.length);
    return V128Bits.i64x2ReplaceLane(v, (long) LittleEndian.LONG.get(bytes, at), lane);
  }

  public static V128 load64Lane(int address, byte[] bytes, int size, V128 v, int lane) {
    int at = Objects.checkFromIndexSize(address, 8, size);
    return V128Bits.i64x2ReplaceLane(v, (long) LittleEndian.LONG.get(bytes, at), lane);
  }

  /** {@code v128.store}: checked whole before any byte is written. */
  public static void store(int address, byte[] bytes, V128 v) {
    int at = Objects.checkFromIndexSize(address, 16, bytes.length);
    LittleEndian.LONG.set(bytes, at, v.lo);
    LittleEndian.LONG.set(bytes, at + 8, v.hi);
  }

  public static void store(int address, byte[] bytes, int size, V128 v) {
    int at = Objects.checkFromIndexSize(address, 16, size);
    LittleEndian.LONG.set(bytes, at, v.lo);
    LittleEndian.LONG.set(bytes, at + 8, v.hi);
  }

  /** {@code v128.store8_lane}. */
  public static void store8Lane(int address, byte[] bytes, V128 v, int lane) {
    int at = Objects.checkFromIndexSize(address, 1, bytes.length);
    bytes[at] = v.i8(lane);
  }

  public static void store8Lane(int address, byte[] bytes, int size, V128 v, int lane) {
    int at = Objects.checkFromIndexSize(address, 1, size);
    bytes[at] = v.i8(lane);
  }

  /** {@code v128.store16_lane}. */
  public static void store16Lane(int address, byte[] bytes, V128 v, int lane) {
    int at = Objects.checkFromIndexSize(address, 2, bytes.length);
    LittleEndian.SHORT.set(bytes, at, v.i16(lane));
  }

  public static void store16Lane(int address, byte[] bytes, int size, V128 v, int lane) {
    int at = Objects.checkFromIndexSize(address, 2, size);
    LittleEndian.SHORT.set(bytes, at, v.i16(lane));
  }

  /** {@code v128.store32_lane}. */
  public static void store32Lane(int address, byte[] bytes, V128 v, int lane) {
    int at = Objects.checkFromIndexSize(address, 4, bytes.length);
    LittleEndian.INT.set(bytes, at, v.i32(lane));
  }

  public static void store32Lane(int address, byte[] bytes, int size, V128 v, int lane) {
    int at = Objects.checkFromIndexSize(address, 4, size);
    LittleEndian.INT.set(bytes, at, v.i32(lane));
  }

  /** {@code v128.store64_lane}. */
  public static void store64Lane(int address, byte[] bytes, V128 v, int lane) {
    int at = Objects.checkFromIndexSize(address, 8, bytes.length);
    LittleEndian.LONG.set(bytes, at, v.i64(lane));
  }

  public static void store64Lane(int address, byte[] bytes, int size, V128 v, int lane) {
    int at = Objects.checkFromIndexSize(address, 8, size);
    LittleEndian.LONG.set(bytes, at, v.i64(lane));
  }

  // ---- the forms compiled code uses, with a v128 as two longs (lo: bytes 0 to 7) ----

  /**
   * The low half of {@code v128.load}. Each half is read as a scalar {@code i64.load} is ({@link
   * MemoryAccess}: one index check, which C2 hoists out of loops, and an unchecked read), a load
   * past the end traps on one half or the other, and a load changes nothing, so no check of the
   * whole access is needed first. (Through the byte view {@code VarHandle}s instead, {@code
   * dot_i32} ran 1.3 times slower: docs/benchmarks.md "SIMD kernels in lanes". With both halves
   * checking the whole access, {@code MemoryAccess.loadLongOf16}, as the {@code int} lanes do,
   * {@code matmul_f32} ran 1.1 to 1.3 times slower: "SIMD kernels: bytes to 32-bit lanes".)
   */
  public static long loadLo(int address, byte[] bytes) {
    return MemoryAccess.loadLong(address, bytes);
  }

  public static long loadLo(int address, byte[] bytes, int size) {
    return MemoryAccess.loadLong(address, bytes, size);
  }

  /** The high half of {@code v128.load}; an address past 2^31 - 9 wraps negative and traps. */
  public static long loadHi(int address, byte[] bytes) {
    return MemoryAccess.loadLong(address + 8, bytes);
  }

  public static long loadHi(int address, byte[] bytes, int size) {
    return MemoryAccess.loadLong(address + 8, bytes, size);
  }

  // ---- the halves of the narrower loads: each half reads (and checks) the whole access ----

  /** The low half of {@code v128.load8x8_s}: the first four of its eight bytes' lanes, widened. */
  public static long load8x8SLo(int address, byte[] bytes) {
    long x = MemoryAccess.loadLong(address, bytes);
    return IntLanes.widenS8((int) x);
  }

  public static long load8x8SLo(int address, byte[] bytes, int size) {
    long x = MemoryAccess.loadLong(address, bytes, size);
    return IntLanes.widenS8((int) x);
  }

  /** The high half of {@code v128.load8x8_s}: the last four lanes, widened. */
  public static long load8x8SHi(int address, byte[] bytes) {
    long x = MemoryAccess.loadLong(address, bytes);
    return IntLanes.widenS8((int) (x >>> 32));
  }

  public static long load8x8SHi(int address, byte[] bytes, int size) {
    long x = MemoryAccess.loadLong(address, bytes, size);
    return IntLanes.widenS8((int) (x >>> 32));
  }

  /** The low half of {@code v128.load8x8_u}: the first four of its eight bytes' lanes, widened. */
  public static long load8x8ULo(int address, byte[] bytes) {
    long x = MemoryAccess.loadLong(address, bytes);
    return IntLanes.widenU8((int) x);
  }

  public static long load8x8ULo(int address, byte[] bytes, int size) {
    long x = MemoryAccess.loadLong(address, bytes, size);
    return IntLanes.widenU8((int) x);
  }

  /** The high half of {@code v128.load8x8_u}: the last four lanes, widened. */
  public static long load8x8UHi(int address, byte[] bytes) {
    long x = MemoryAccess.loadLong(address, bytes);
    return IntLanes.widenU8((int) (x >>> 32));
  }

  public static long load8x8UHi(int address, byte[] bytes, int size) {
    long x = MemoryAccess.loadLong(address, bytes, size);
    return IntLanes.widenU8((int) (x >>> 32));
  }

  /** The low half of {@code v128.load16x4_s}: the first four of its eight bytes' lanes, widened. */
  public static long load16x4SLo(int address, byte[] bytes) {
    long x = MemoryAccess.loadLong(address, bytes);
    return IntLanes.widenS16((int) x);
  }

  public static long load16x4SLo(int address, byte[] bytes, int size) {
    long x = MemoryAccess.loadLong(address, bytes, size);
    return IntLanes.widenS16((int) x);
  }

  /** The high half of {@code v128.load16x4_s}: the last four lanes, widened. */
  public static long load16x4SHi(int address, byte[] bytes) {
    long x = MemoryAccess.loadLong(address, bytes);
    return IntLanes.widenS16((int) (x >>> 32));
  }

  public static long load16x4SHi(int address, byte[] bytes, int size) {
    long x = MemoryAccess.loadLong(address, bytes, size);
    return IntLanes.widenS16((int) (x >>> 32));
  }

  /** The low half of {@code v128.load16x4_u}: the first four of its eight bytes' lanes, widened. */
  public static long load16x4ULo(int address, byte[] bytes) {
    long x = MemoryAccess.loadLong(address, bytes);
    return IntLanes.widenU16((int) x);
  }

  public static long load16x4ULo(int address, byte[] bytes, int size) {
    long x = MemoryAccess.loadLong(address, bytes, size);
    return IntLanes.widenU16((int) x);
  }

  /** The high half of {@code v128.load16x4_u}: the last four lanes, widened. */
  public static long load16x4UHi(int address, byte[] bytes) {
    long x = MemoryAccess.loadLong(address, bytes);
    return IntLanes.widenU16((int) (x >>> 32));
  }

  public static long load16x4UHi(int address, byte[] bytes, int size) {
    long x = MemoryAccess.loadLong(address, bytes, size);
    return IntLanes.widenU16((int) (x >>> 32));
  }

  /** The low half of {@code v128.load32x2_s}: the first four of its eight bytes' lanes, widened. */
  public static long load32x2SLo(int address, byte[] bytes) {
    long x = MemoryAccess.loadLong(address, bytes);
    return IntLanes.widenS32((int) x);
  }

  public static long load32x2SLo(int address, byte[] bytes, int size) {
    long x = MemoryAccess.loadLong(address, bytes, size);
    return IntLanes.widenS32((int) x);
  }

  /** The high half of {@code v128.load32x2_s}: the last four lanes, widened. */
  public static long load32x2SHi(int address, byte[] bytes) {
    long x = MemoryAccess.loadLong(address, bytes);
    return IntLanes.widenS32((int) (x >>> 32));
  }

  public static long load32x2SHi(int address, byte[] bytes, int size) {
    long x = MemoryAccess.loadLong(address, bytes, size);
    return IntLanes.widenS32((int) (x >>> 32));
  }

  /** The low half of {@code v128.load32x2_u}: the first four of its eight bytes' lanes, widened. */
  public static long load32x2ULo(int address, byte[] bytes) {
    long x = MemoryAccess.loadLong(address, bytes);
    return IntLanes.widenU32((int) x);
  }

  public static long load32x2ULo(int address, byte[] bytes, int size) {
    long x = MemoryAccess.loadLong(address, bytes, size);
    return IntLanes.widenU32((int) x);
  }

  /** The high half of {@code v128.load32x2_u}: the last four lanes, widened. */
  public static long load32x2UHi(int address, byte[] bytes) {
    long x = MemoryAccess.loadLong(address, bytes);
    return IntLanes.widenU32((int) (x >>> 32));
  }

  public static long load32x2UHi(int address, byte[] bytes, int size) {
    long x = MemoryAccess.loadLong(address, bytes, size);
    return IntLanes.widenU32((int) (x >>> 32));
  }

  /** The low half of {@code v128.load32_zero}. */
  public static long load32ZeroLo(int address, byte[] bytes) {
    return MemoryAccess.loadInt(address, bytes) & 0xFFFF_FFFFL;
  }

  public static long load32ZeroLo(int address, byte[] bytes, int size) {
    return MemoryAccess.loadInt(address, bytes, size) & 0xFFFF_FFFFL;
  }

  /** The high half of {@code v128.load32_zero}: zero (the low half's call made the access). */
  public static long load32ZeroHi(int address, byte[] bytes) {
    return 0;
  }

  public static long load32ZeroHi(int address, byte[] bytes, int size) {
    return 0;
  }

  /** The low half of {@code v128.load64_zero}. */
  public static long load64ZeroLo(int address, byte[] bytes) {
    return MemoryAccess.loadLong(address, bytes);
  }

  public static long load64ZeroLo(int address, byte[] bytes, int size) {
    return MemoryAccess.loadLong(address, bytes, size);
  }

  /** The high half of {@code v128.load64_zero}: zero (the low half's call made the access). */
  public static long load64ZeroHi(int address, byte[] bytes) {
    return 0;
  }

  public static long load64ZeroHi(int address, byte[] bytes, int size) {
    return 0;
  }

  /** Either half of {@code v128.load8_splat}. */
  public static long load8SplatHalf(int address, byte[] bytes) {
    return (MemoryAccess.loadByte(address, bytes) & 0xFFL) * 0x0101_0101_0101_0101L;
  }

  public static long load8SplatHalf(int address, byte[] bytes, int size) {
    return (MemoryAccess.loadByte(address, bytes, size) & 0xFFL) * 0x0101_0101_0101_0101L;
  }

  /** Either half of {@code v128.load16_splat}. */
  public static long load16SplatHalf(int address, byte[] bytes) {
    return (MemoryAccess.loadShort(address, bytes) & 0xFFFFL) * 0x0001_0001_0001_0001L;
  }

  public static long load16SplatHalf(int address, byte[] bytes, int size) {
    return (MemoryAccess.loadShort(address, bytes, size) & 0xFFFFL) * 0x0001_0001_0001_0001L;
  }

  /** Either half of {@code v128.load32_splat}. */
  public static long load32SplatHalf(int address, byte[] bytes) {
    int x = MemoryAccess.loadInt(address, bytes);
    return V128.pair(x, x);
  }

  public static long load32SplatHalf(int address, byte[] bytes, int size) {
    int x = MemoryAccess.loadInt(address, bytes, size);
    return V128.pair(x, x);
  }

  /** Either half of {@code v128.load64_splat}. */
  public static long load64SplatHalf(int address, byte[] bytes) {
    return MemoryAccess.loadLong(address, bytes);
  }

  public static long load64SplatHalf(int address, byte[] bytes, int size) {
    return MemoryAccess.loadLong(address, bytes, size);
  }

  /**
   * {@code v128.store} of the value {@code lo}, {@code hi}: the whole access is checked first (with
   * the intrinsic index check, {@code address < length - 15}), so a trapping store writes nothing.
   */
  public static void store(int address, byte[] bytes, long lo, long hi) {
    Objects.checkIndex(address, bytes.length - 15);
    MemoryAccess.storeLong(address, bytes, lo);
    MemoryAccess.storeLong(address + 8, bytes, hi);
  }

  public static void store(int address, byte[] bytes, int size, long lo, long hi) {
    Objects.checkIndex(address, size - 15);
    MemoryAccess.storeLong(address, bytes, size, lo);
    MemoryAccess.storeLong(address + 8, bytes, size, hi);
  }
}
