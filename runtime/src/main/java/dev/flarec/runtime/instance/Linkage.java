package dev.flarec.runtime.instance;

import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.global.Global;
import dev.flarec.runtime.memory.Memory;
import dev.flarec.runtime.memory.Memory64;
import dev.flarec.runtime.table.Table;
import java.lang.invoke.MethodHandle;

/**
 * What a generated instance's constructor receives: the module's resolved imports and the memories,
 * tables and global cells created for it, all indexed by the spec's index spaces. The constructor
 * copies each into a typed final field so compiled code never indexes these arrays on its hot path.
 */
public final class Linkage {
  final Module module;
  final FunctionRef[] importedFunctions;

  /** Each a {@link Memory}, or a {@link Memory64} for a 64-bit memory. */
  final Object[] memories;

  final Table[] tables;
  final Global[] globals;

  Linkage(
      Module module,
      FunctionRef[] importedFunctions,
      Object[] memories,
      Table[] tables,
      Global[] globals) {
    this.module = module;
    this.importedFunctions = importedFunctions;
    this.memories = memories;
    this.tables = tables;
    this.globals = globals;
  }

  public ModuleDescriptor descriptor() {
    return module.descriptor();
  }

  /** The handle of imported function {@code index}, of its type's exact JVM shape. */
  public MethodHandle importedFunction(int index) {
    return importedFunctions[index].handle();
  }

  public Memory memory(int index) {
    return (Memory) memories[index];
  }

  public Memory64 memory64(int index) {
    return (Memory64) memories[index];
  }

  public Table table(int index) {
    return tables[index];
  }

  /** The cell of a shared (imported or exported) global; null for a module-private one. */
  public Global global(int index) {
    return globals[index];
  }
}
