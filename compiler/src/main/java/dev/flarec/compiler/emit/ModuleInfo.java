package dev.flarec.compiler.emit;

import dev.flarec.compiler.decode.Memory64Offsets;
import dev.flarec.compiler.layout.NamingScheme;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.descriptor.ModuleDescriptor.GlobalDef;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The module-level facts function emitters consult: the generated class's name, each function's
 * type and method, and where each global, memory and table lives in the generated class.
 */
final class ModuleInfo {
  final String internalName;
  final String instanceDesc;
  final ModuleDescriptor descriptor;
  final int importedFunctions;

  /** call_indirect sites, as (type index, table index) pairs packed in a long, for bridges. */
  final Set<Long> indirectCalls = new TreeSet<>();

  /** Tail-call sites and the trampolined functions (see {@link TailCalls}). */
  final TailCalls tailCalls = new TailCalls(this);

  /** Constant {@code char[]} tables for static fields, by field name (see ClassEmitter). */
  final Map<String, char[]> constantTables = new LinkedHashMap<>();

  /**
   * The name of a static field that will hold {@code contents}, keyed by where it is used so that
   * emitting a function again (while planning a split) reuses the same field.
   */
  String constantTable(int functionIndex, int address, char[] contents) {
    String name = "table$f" + functionIndex + "$" + address;
    constantTables.put(name, contents);
    return name;
  }

  /** The functions that may grow a memory before they return (see {@link MemoryGrowers}). */
  private BitSet memoryGrowers;

  void setMemoryGrowers(BitSet growers) {
    this.memoryGrowers = growers;
  }

  /**
   * True when a direct call of {@code functionIndex} may replace the memory's array by the time it
   * returns; always, before the module's functions have been looked at.
   */
  boolean mayGrowMemory(int functionIndex) {
    return memoryGrowers == null || memoryGrowers.get(functionIndex);
  }

  /** The static offsets of memory64 accesses that the parser read rewritten. */
  final Memory64Offsets memory64Offsets;

  ModuleInfo(ModuleDescriptor descriptor, Memory64Offsets memory64Offsets) {
    this.descriptor = descriptor;
    this.memory64Offsets = memory64Offsets;
    this.internalName = descriptor.className().replace('.', '/');
    this.instanceDesc = "L" + internalName + ";";
    this.importedFunctions = descriptor.importedFunctionCount();
    this.owners = new String[descriptor.functions().size()];
  }

  FunctionType type(int typeIndex) {
    return descriptor.types().get(typeIndex);
  }

  /** The type of tag {@code tagIndex}: its parameters are the payload. */
  FunctionType tagType(int tagIndex) {
    return descriptor.types().get(descriptor.tags().get(tagIndex).typeIndex());
  }

  FunctionType functionType(int functionIndex) {
    return descriptor.functionType(functionIndex);
  }

  /** Internal name of the class holding each function's method; null entries: the main class. */
  final String[] owners;

  /** The class to invoke for a direct call to {@code functionIndex}. */
  String callOwner(int functionIndex) {
    String owner = functionIndex < importedFunctions ? null : owners[functionIndex];
    return owner == null ? internalName : owner;
  }

  /** Name of the static method to invoke for a direct call to {@code functionIndex}. */
  String callTarget(int functionIndex) {
    return functionIndex < importedFunctions
        ? NamingScheme.importBridge(functionIndex)
        : descriptor.functions().get(functionIndex).methodName();
  }

  List<GlobalDef> globals() {
    return descriptor.globals();
  }

  ValueType globalType(int index) {
    return descriptor.globals().get(index).type();
  }

  boolean globalInCell(int index) {
    return descriptor.globals().get(index).shared();
  }

  /** Descriptor of the field that holds global {@code index}. */
  String globalFieldDesc(int index) {
    GlobalDef g = descriptor.globals().get(index);
    return g.shared() ? "L" + RuntimeNames.globalCell(g.type()) + ";" : g.type().descriptor();
  }

  ValueType tableElementType(int index) {
    return descriptor.tables().get(index).elementType();
  }
}
