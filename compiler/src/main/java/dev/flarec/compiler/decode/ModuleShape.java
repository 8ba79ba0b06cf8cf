package dev.flarec.compiler.decode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the sections read so far declare, in the module's index spaces (§3.4.10, the context C):
 * enough to check every index an instruction or a later section uses.
 */
final class ModuleShape {
  record FunctionType(int[] params, int[] results) {}

  record GlobalType(int type, boolean mutable) {}

  final List<FunctionType> types = new ArrayList<>();

  /** Type index of every function, imported ones first. */
  final List<Integer> functions = new ArrayList<>();

  int importedFunctions;

  /**
   * {offset, length} of each 32-bit table minimum (without a maximum) above the parser's limit: the
   * parser reads a copy with those lowered (ModuleChecker.forParser).
   */
  final List<int[]> oversizedTableMinimums = new ArrayList<>();

  /** Reference type of every table. */
  final List<Integer> tables = new ArrayList<>();

  /** Whether each table is 64-bit (table64: i64 indices), imported ones first. */
  final List<Boolean> table64 = new ArrayList<>();

  boolean isTable64(long table) {
    return table < table64.size() && table64.get((int) table);
  }

  int memories;

  /** Whether each memory is 64-bit (memory64: i64 addresses), imported ones first. */
  final List<Boolean> memory64 = new ArrayList<>();

  boolean isMemory64(long memory) {
    return memory < memory64.size() && memory64.get((int) memory);
  }

  final List<GlobalType> globals = new ArrayList<>();
  int importedGlobals;

  /** Reference type of every element segment. */
  final List<Integer> elements = new ArrayList<>();

  /** Type index of every exception tag, imported ones first (3.0). */
  final List<Integer> tags = new ArrayList<>();

  /** The data count section's value, or -1 when there is none. */
  long dataCount = -1;

  /**
   * The relaxed SIMD instructions (WebAssembly 3.0) in code, by byte offset in the module: their
   * subopcode. The parser does not know them (see {@link RelaxedSimdSites}).
   */
  final java.util.Map<Integer, Integer> relaxedSimd = new java.util.TreeMap<>();

  /**
   * Memory64 accesses whose static offset the parser cannot read (2^32 or more, or longer than five
   * bytes): the parser reads them rewritten (see {@link Memory64Offsets}).
   */
  final List<Memory64Offsets.Site> wideOffsets = new ArrayList<>();

  /** C.refs: functions that may be referenced by {@code ref.func} in code (§3.4.10). */
  final Set<Integer> declaredReferences = new HashSet<>();
}
