package dev.flarec.runtime.descriptor;

import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.Limits;
import dev.flarec.runtime.types.ValueType;
import java.util.List;

/**
 * Everything about a compiled module except its code: what the runtime needs to link and
 * instantiate the generated class. The compiler writes it beside the class as a resource (see
 * {@link DescriptorCodec}); the runtime never needs the Wasm parser.
 *
 * <p>Index spaces are the spec's: in each of {@link #functions}, {@link #tables}, {@link #memories}
 * and {@link #globals}, imported entries come first, in import order.
 *
 * @see <a href="https://webassembly.github.io/spec/core/syntax/modules.html">Wasm 2.0 §2.5</a>
 */
public record ModuleDescriptor(
    String className,
    List<FunctionType> types,
    List<Import> imports,
    List<Function> functions,
    List<TableDef> tables,
    List<MemoryDef> memories,
    List<GlobalDef> globals,
    List<Export> exports,
    int startFunction,
    List<ElementSegment> elements,
    List<DataSegment> data,
    boolean tracksMemoryWrites,
    boolean checksMemorySize,
    List<TagDef> tags) {

  /** A descriptor of a module without exception tags. */
  public ModuleDescriptor(
      String className,
      List<FunctionType> types,
      List<Import> imports,
      List<Function> functions,
      List<TableDef> tables,
      List<MemoryDef> memories,
      List<GlobalDef> globals,
      List<Export> exports,
      int startFunction,
      List<ElementSegment> elements,
      List<DataSegment> data,
      boolean tracksMemoryWrites,
      boolean checksMemorySize) {
    this(
        className,
        types,
        imports,
        functions,
        tables,
        memories,
        globals,
        exports,
        startFunction,
        elements,
        data,
        tracksMemoryWrites,
        checksMemorySize,
        List.of());
  }

  /**
   * A descriptor whose compiled code does not track memory writes.
   *
   * @see #tracksMemoryWrites()
   */
  public ModuleDescriptor(
      String className,
      List<FunctionType> types,
      List<Import> imports,
      List<Function> functions,
      List<TableDef> tables,
      List<MemoryDef> memories,
      List<GlobalDef> globals,
      List<Export> exports,
      int startFunction,
      List<ElementSegment> elements,
      List<DataSegment> data) {
    this(
        className,
        types,
        imports,
        functions,
        tables,
        memories,
        globals,
        exports,
        startFunction,
        elements,
        data,
        false,
        true);
  }

  /**
   * Whether the compiled stores mark the blocks they write ({@code Memory.written}); the runtime
   * then turns tracking on for the instance's memories, so restoring a snapshot copies back only
   * what changed.
   */
  public ModuleDescriptor withTracksMemoryWrites(boolean tracks) {
    return new ModuleDescriptor(
        className,
        types,
        imports,
        functions,
        tables,
        memories,
        globals,
        exports,
        startFunction,
        elements,
        data,
        tracks,
        checksMemorySize,
        tags);
  }

  /**
   * Whether the compiled loads and stores check their address against the memory's size. Code that
   * never grows memory (no {@code memory.grow}) does not: it relies on the JVM's bounds check, and
   * the runtime then keeps the memories it uses exactly as long as their size ({@code
   * Memory.keepExact}). See docs/RATIONALE.md#why-memory-grows-by-doubling.
   */
  public ModuleDescriptor withChecksMemorySize(boolean checks) {
    return new ModuleDescriptor(
        className,
        types,
        imports,
        functions,
        tables,
        memories,
        globals,
        exports,
        startFunction,
        elements,
        data,
        tracksMemoryWrites,
        checks,
        tags);
  }

  /** No start function. */
  public static final int NO_START = -1;

  /** An import: {@code index} is its position in the index space of its kind. */
  public record Import(String module, String name, ExternKind kind, int index) {}

  /**
   * A function: its type, the name of the public static JVM method that implements it ({@code null}
   * for imported functions), and the binary name of the class holding that method ({@code null} for
   * the module's main class; large modules spread their functions over several classes).
   */
  public record Function(int typeIndex, String methodName, String owner) {
    public Function(int typeIndex, String methodName) {
      this(typeIndex, methodName, null);
    }

    public boolean imported() {
      return methodName == null;
    }

    public Function withOwner(String ownerClass) {
      return new Function(typeIndex, methodName, ownerClass);
    }
  }

  /** This descriptor with the given functions (for example once their classes are known). */
  public ModuleDescriptor withFunctions(List<Function> newFunctions) {
    return new ModuleDescriptor(
        className,
        types,
        imports,
        newFunctions,
        tables,
        memories,
        globals,
        exports,
        startFunction,
        elements,
        data,
        tracksMemoryWrites,
        checksMemorySize,
        tags);
  }

  /**
   * A table; {@code init} is the constant expression its elements start as (Wasm 3.0 table
   * initialisers, needed by tables of non-nullable references), or null for null elements.
   */
  public record TableDef(ValueType elementType, Limits limits, boolean imported, ConstExpr init) {
    public TableDef(ValueType elementType, Limits limits, boolean imported) {
      this(elementType, limits, imported, null);
    }
  }

  public record MemoryDef(Limits limits, boolean imported) {}

  /**
   * A global; {@code shared} globals (imported or exported) live in a {@link
   * dev.flarec.runtime.global.Global} cell, the others in a typed field of the generated class.
   */
  public record GlobalDef(ValueType type, boolean mutable, boolean imported, boolean shared) {}

  public record Export(String name, ExternKind kind, int index) {}

  /**
   * An exception tag (3.0): its type (parameters only) and whether it is imported. Imported tags
   * come first in the tag index space.
   */
  public record TagDef(int typeIndex, boolean imported) {}

  /** This descriptor with the given tags. */
  public ModuleDescriptor withTags(List<TagDef> newTags) {
    return new ModuleDescriptor(
        className,
        types,
        imports,
        functions,
        tables,
        memories,
        globals,
        exports,
        startFunction,
        elements,
        data,
        tracksMemoryWrites,
        checksMemorySize,
        newTags);
  }

  /** How a segment is applied (§2.5.7, §2.5.8). */
  public enum SegmentMode {
    ACTIVE,
    PASSIVE,
    DECLARATIVE
  }

  /** An element segment; {@code offset} and {@code tableIndex} matter only when active. */
  public record ElementSegment(
      SegmentMode mode, int tableIndex, ConstExpr offset, ValueType type, List<ConstExpr> items) {}

  /** A data segment; {@code offset} and {@code memoryIndex} matter only when active. */
  public record DataSegment(SegmentMode mode, int memoryIndex, ConstExpr offset, byte[] bytes) {}

  /** Number of imported functions (they come first in the function index space). */
  public int importedFunctionCount() {
    int n = 0;
    for (Function f : functions) {
      if (f.imported()) {
        n++;
      }
    }
    return n;
  }

  public FunctionType functionType(int functionIndex) {
    return types.get(functions.get(functionIndex).typeIndex());
  }
}
