package dev.flarec.runtime.table;

import dev.flarec.runtime.instance.FunctionRef;
import dev.flarec.runtime.trap.TrapKind;
import dev.flarec.runtime.trap.WasmTrap;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.Limits;
import dev.flarec.runtime.types.RefType;
import dev.flarec.runtime.types.ValueType;
import java.util.Arrays;

/**
 * A WebAssembly table: a growable vector of references ({@link FunctionRef} or {@code null} for
 * funcref tables, any object or {@code null} for externref tables).
 *
 * <p>Every access is bounds-checked explicitly here, because tables report their own traps ("out of
 * bounds table access", "undefined element") distinct from memory's.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/runtime.html#table-instances">Wasm 2.0
 *     §4.2.7</a>
 */
public final class Table {
  /**
   * Largest table we support, in elements (the spec allows 2^32 - 1). See
   * docs/RATIONALE.md#implementation-limits.
   */
  public static final int MAX_ELEMENTS = 10_000_000;

  private final ValueType elementType;
  private final RefType refType;
  private final Limits limits;
  private final int maxSize;
  private Object[] elements;
  private final boolean is64;

  public Table(ValueType elementType, Limits limits) {
    this(elementType, RefType.of(elementType), limits, false);
  }

  /** A table whose indices are i64 when {@code is64} (table64); its size stays an {@code int}. */
  public Table(ValueType elementType, Limits limits, boolean is64) {
    this(elementType, RefType.of(elementType), limits, is64);
  }

  /**
   * A table whose element type is written more precisely than {@code elementType} says ({@code (ref
   * $t)}, non-nullable...); {@code refType} is what imports of it are matched against.
   */
  public Table(ValueType elementType, RefType refType, Limits limits) {
    this(elementType, refType, limits, false);
  }

  /** The most general form: element type as written, and i64 indices when {@code is64}. */
  public Table(ValueType elementType, RefType refType, Limits limits, boolean is64) {
    this.is64 = is64;
    this.elementType = elementType;
    this.refType = refType;
    this.limits = limits;
    this.maxSize = (int) Math.min(limits.hasMax() ? limits.max() : MAX_ELEMENTS, MAX_ELEMENTS);
    if (limits.min() < 0 || limits.min() > maxSize) { // negative: a table64 size past 2^63
      throw new WasmTrap(
          TrapKind.MEMORY_LIMIT_EXCEEDED,
          limits.min() < 0 || limits.min() > MAX_ELEMENTS
              ? "a table of more than " + MAX_ELEMENTS + " elements (flarec's limit)"
              : "a table of " + limits.min() + " elements, beyond its maximum " + maxSize);
    }
    this.elements = new Object[(int) limits.min()];
  }

  /** Whether the table takes i64 indices (table64); only a table of the same kind matches. */
  public boolean is64() {
    return is64;
  }

  /**
   * An i64 index, count or delta of a 64-bit table as the {@code int} the other methods take (read
   * as unsigned): itself below 2^32, else 2^32 - 1, which no table reaches, so that the bounds
   * check traps and {@code table.grow} fails as they must.
   */
  public static int index(long value) {
    return value >= 0 && value <= 0xFFFF_FFFFL ? (int) value : -1;
  }

  // ---- compiled code's entry points for 64-bit tables ----

  public static Object get(long index, Table table) {
    return get(index(index), table);
  }

  public static void set(long index, Object value, Table table) {
    set(index(index), value, table);
  }

  public static long grow(Object init, long delta, Table table) {
    return grow(init, index(delta), table);
  }

  public static void fill(long start, Object value, long count, Table table) {
    fill(index(start), value, index(count), table);
  }

  public static void copy(long dst, long src, long count, Table destination, Table source) {
    copy(index(dst), index(src), index(count), destination, source);
  }

  /** {@code table.copy} from a 32-bit table into a 64-bit one: the count is an i32. */
  public static void copy(long dst, int src, int count, Table destination, Table source) {
    copy(index(dst), src, count, destination, source);
  }

  /** {@code table.copy} from a 64-bit table into a 32-bit one. */
  public static void copy(int dst, long src, int count, Table destination, Table source) {
    copy(dst, index(src), count, destination, source);
  }

  public ValueType elementType() {
    return elementType;
  }

  /** The element type as written, for import matching; null if {@link #elementType()} says all. */
  public RefType refType() {
    return refType;
  }

  public Limits limits() {
    return limits;
  }

  public int size() {
    return elements.length;
  }

  /** A copy of the current elements (for snapshots). */
  public Object[] elements() {
    return elements.clone();
  }

  /** Sets the elements (and so the size) back to a copy of {@code snapshot}. */
  public void restore(Object[] snapshot) {
    if (elements.length == snapshot.length) {
      // the same size: copy in place rather than allocate a new array for every reset
      System.arraycopy(snapshot, 0, elements, 0, snapshot.length);
    } else {
      elements = snapshot.clone();
    }
  }

  /** {@code table.get}. */
  public Object get(int index) {
    if (index < 0 || index >= elements.length) { // unsigned index >= size, as size < 2^31
      throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
    }
    return elements[index];
  }

  /** {@code table.set}. */
  public void set(int index, Object value) {
    if (index < 0 || index >= elements.length) { // unsigned index >= size, as size < 2^31
      throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
    }
    elements[index] = value;
  }

  /** {@code table.grow}: returns the previous size, or -1 if the table cannot grow so far. */
  public int grow(int delta, Object init) {
    int old = elements.length;
    long wanted = old + Integer.toUnsignedLong(delta);
    if (wanted > maxSize) {
      return -1;
    }
    Object[] grown = Arrays.copyOf(elements, (int) wanted);
    Arrays.fill(grown, old, (int) wanted, init);
    elements = grown;
    return old;
  }

  /** {@code table.fill}. */
  public void fill(int start, Object value, int count) {
    checkRange(start, count, elements.length);
    Arrays.fill(elements, start, start + count, value);
  }

  /** {@code table.copy} from {@code source} (possibly this table) into this table. */
  public void copy(int dst, Table source, int src, int count) {
    checkRange(dst, count, elements.length);
    checkRange(src, count, source.elements.length);
    System.arraycopy(source.elements, src, elements, dst, count);
  }

  /** {@code table.init}: copies {@code count} references of an element segment. */
  public void init(int dst, Object[] segment, int src, int count) {
    checkRange(src, count, segment.length);
    checkRange(dst, count, elements.length);
    System.arraycopy(segment, src, elements, dst, count);
  }

  /**
   * The target of {@code call_indirect}: the function at {@code index}, checked to exist, to be
   * non-null and to have the expected (interned) type or a declared subtype of it.
   */
  public FunctionRef functionForCall(int index, FunctionType expected) {
    if (index < 0 || index >= elements.length) { // unsigned index >= size, as size < 2^31
      throw new WasmTrap(TrapKind.UNDEFINED_ELEMENT, Integer.toUnsignedString(index));
    }
    Object element = elements[index];
    if (element == null) {
      throw new WasmTrap(TrapKind.UNINITIALIZED_ELEMENT, Integer.toString(index));
    }
    FunctionRef function = (FunctionRef) element;
    if (function.type() != expected && !function.type().matches(expected)) {
      throw new WasmTrap(TrapKind.INDIRECT_CALL_TYPE_MISMATCH);
    }
    return function;
  }

  // Compiled code has the Wasm operands on the stack before it can push the table, so its
  // entry points take the table(s) last.

  /** {@code table.get} as compiled code calls it. */
  public static Object get(int index, Table table) {
    return table.get(index);
  }

  /** {@code table.set} as compiled code calls it. */
  public static void set(int index, Object value, Table table) {
    table.set(index, value);
  }

  /** {@code table.grow} as compiled code calls it. */
  public static int grow(Object init, int delta, Table table) {
    return table.grow(delta, init);
  }

  /** {@code table.fill} as compiled code calls it. */
  public static void fill(int start, Object value, int count, Table table) {
    table.fill(start, value, count);
  }

  /** {@code table.copy} as compiled code calls it. */
  public static void copy(int dst, int src, int count, Table destination, Table source) {
    destination.copy(dst, source, src, count);
  }

  private static void checkRange(int start, int count, int length) {
    if (Integer.toUnsignedLong(start) + Integer.toUnsignedLong(count) > length) {
      throw new WasmTrap(TrapKind.OUT_OF_BOUNDS_TABLE_ACCESS);
    }
  }
}
