package dev.flarec.runtime.instance;

import dev.flarec.runtime.descriptor.ExternKind;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.descriptor.ModuleDescriptor.Export;
import dev.flarec.runtime.exception.Tag;
import dev.flarec.runtime.exception.WasmException;
import dev.flarec.runtime.global.Global;
import dev.flarec.runtime.memory.Memory;
import dev.flarec.runtime.memory.Memory64;
import dev.flarec.runtime.table.Table;
import dev.flarec.runtime.types.FunctionType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instantiated module. The generated class of every compiled module extends this class; its Wasm
 * functions are public static methods taking the instance as their last argument.
 *
 * <p>Life cycle: {@link Module#instantiate} links the imports, calls the generated constructor
 * (which copies the linkage into typed fields), then {@link #initializeGlobals()}, applies the
 * active segments, and runs the start function. After that the exports may be called, from one
 * thread at a time: an instance is not thread-safe, as Wasm instances are not.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/runtime.html#module-instances">Wasm
 *     2.0 §4.2.5</a>
 */
public abstract class Instance {
  /**
   * Set by {@link #interrupt()} from any thread; while it is set, compiled code reads it at every
   * function entry and loop back-edge and traps with "interrupted". Volatile so that C2 cannot
   * hoist the read out of a loop. Written only under {@link InterruptGate}'s lock. See
   * docs/RATIONALE.md#why-an-interrupt-gate.
   */
  public volatile boolean interruptRequested;

  /**
   * The system property that turns on {@link InterruptGate} ({@code true}); read once, when this
   * class is initialised. Off by default: the gate makes the interpreter's and C1's check dearer
   * (first runs, {@code -XX:TieredStopAtLevel=1}), which only long-running processes win back; the
   * flare server sets it. See docs/RATIONALE.md#why-an-interrupt-gate.
   */
  public static final String INTERRUPT_GATE_PROPERTY = "flarec.interruptGate";

  /**
   * The system property that declares that nothing in this JVM will call {@link #interrupt()}
   * ({@code false}); read once, when this class is initialised. Compiled code then checks for
   * interrupts nowhere: C1 and C2 fold every check away, and a loop keeps what it read from the
   * heap across iterations. The command-line launchers set it, since a program run from the command
   * line is stopped by stopping its process; embedders and the flare server, which stop runaway
   * instances, keep the default ({@code true}). See
   * docs/RATIONALE.md#why-command-line-programs-make-no-interrupt-checks.
   */
  public static final String INTERRUPTIBLE_PROPERTY = "flarec.interruptible";

  private static final boolean INTERRUPTIBLE =
      !"false".equals(System.getProperty(INTERRUPTIBLE_PROPERTY));

  private static final boolean INTERRUPT_GATE =
      INTERRUPTIBLE && Boolean.getBoolean(INTERRUPT_GATE_PROPERTY);

  /** Whether compiled code reads the flag itself: interruptible, without the gate. */
  private static final boolean FLAG_CHECKS = INTERRUPTIBLE && !INTERRUPT_GATE;

  private final Module module;
  private final FunctionRef[] importedFunctions;
  private final FunctionRef[] functionRefs;
  private final FunctionType[] types;
  private final Object[] memories;
  private final Table[] tables;
  private final Global[] globals;
  private final Object[][] elementSegments;
  private final byte[][] dataSegments;

  /** The tags of the tag index space (imported ones are their exporters' objects). */
  private Tag[] tags = NO_TAGS;

  private Map<String, Object> exports;

  // ---- tail calls into other instances (ForeignTailCalls) ----

  /** A tail call into another instance, waiting for this instance's trampoline; or null. */
  FunctionRef foreignTail;

  Object[] foreignTailArguments;

  /**
   * Set just before function {@link #tailEntryIndex} of this instance is entered as the
   * continuation of a tail call made in {@code tailOuter}, whose trampoline then runs the tail
   * calls into other instances that the function makes; null otherwise.
   */
  Instance tailOuter;

  int tailEntryIndex;

  /**
   * For generated code: each split function's heap frame from its last call that returned, by
   * function index, or null. A call takes it (or allocates one when it is taken: a recursive call)
   * and gives it back when it returns, so a split function called millions of times does not
   * allocate a frame per call (docs/RATIONALE.md#why-split-functions-reuse-their-heap-frame). Like
   * the rest of an instance, not for two threads at once.
   */
  public final long[][] splitFrames;

  protected Instance(Linkage linkage) {
    this.module = linkage.module;
    this.importedFunctions = linkage.importedFunctions;
    this.memories = linkage.memories;
    this.tables = linkage.tables;
    this.globals = linkage.globals;
    ModuleDescriptor d = module.descriptor();
    this.functionRefs = new FunctionRef[d.functions().size()];
    this.splitFrames = new long[d.functions().size()][];
    this.types = d.types().toArray(new FunctionType[0]);
    this.elementSegments = new Object[d.elements().size()][];
    this.dataSegments = new byte[d.data().size()][];
    for (int i = 0; i < dataSegments.length; i++) {
      dataSegments[i] = d.data().get(i).bytes();
    }
  }

  /** Generated: evaluates the global initialisers into the typed fields and shared cells. */
  protected abstract void initializeGlobals();

  /**
   * Generated: the values of the globals this module defines, boxed, in index order. The default
   * serves modules that define none (hand-written instances in tests).
   */
  protected Object[] captureGlobals() {
    return new Object[0];
  }

  /** Generated: sets the globals this module defines from {@link #captureGlobals()}'s form. */
  protected void restoreGlobals(Object[] values) {}

  /** Captures the state this instance owns (see {@link InstanceSnapshot}). */
  public final InstanceSnapshot snapshot() {
    ModuleDescriptor d = module.descriptor();
    byte[][] mem = new byte[memories.length][];
    for (int i = 0; i < mem.length; i++) {
      if (!d.memories().get(i).imported()) {
        if (!(memories[i] instanceof Memory m)) {
          throw new UnsupportedOperationException("a snapshot of a 64-bit memory (memory64)");
        }
        mem[i] = m.snapshot();
        m.clearWritten();
      }
    }
    Object[][] tab = new Object[tables.length][];
    for (int i = 0; i < tab.length; i++) {
      if (!d.tables().get(i).imported()) {
        tab[i] = tables[i].elements();
      }
    }
    return new InstanceSnapshot(
        mem, tab, captureGlobals(), elementSegments.clone(), dataSegments.clone());
  }

  /**
   * Puts back the state captured by {@link #snapshot()} of this same instance: memories (at their
   * captured size), tables, globals and segments.
   */
  public final void restore(InstanceSnapshot s) {
    for (int i = 0; i < memories.length; i++) {
      if (s.memories[i] != null) {
        ((Memory) memories[i]).restore(s.memories[i]);
      }
    }
    for (int i = 0; i < tables.length; i++) {
      if (s.tables[i] != null) {
        tables[i].restore(s.tables[i]);
      }
    }
    restoreGlobals(s.globals);
    System.arraycopy(s.elementSegments, 0, elementSegments, 0, elementSegments.length);
    System.arraycopy(s.dataSegments, 0, dataSegments, 0, dataSegments.length);
  }

  public final Module module() {
    return module;
  }

  /**
   * Asks compiled code running in this instance to trap with "interrupted" as soon as it can. Until
   * {@link #clearInterrupt()}, compiled code of every instance in the JVM checks its flag at each
   * loop header and call (see {@link InterruptGate}): clear an instance's interrupt even when the
   * instance is then thrown away.
   */
  public final void interrupt() {
    if (!INTERRUPTIBLE) {
      throw new IllegalStateException(
          "cannot interrupt: this JVM runs compiled code without interrupt checks ("
              + INTERRUPTIBLE_PROPERTY
              + "=false)");
    }
    if (INTERRUPT_GATE) {
      InterruptGate.raise(this);
    } else {
      interruptRequested = true;
    }
  }

  /** Clears a previous {@link #interrupt()} so the instance may be called again. */
  public final void clearInterrupt() {
    // the pool calls this before every request: one volatile read when nothing is set
    if (interruptRequested) {
      if (INTERRUPT_GATE) {
        InterruptGate.lower(this);
      } else {
        interruptRequested = false;
      }
    }
  }

  // ---- exports ----

  /** The export named {@code name}: a FunctionRef, Memory, Table or Global; null if none. */
  public final Object export(String name) {
    return exports().get(name);
  }

  /** All exports by name, in the module's order. */
  public final Map<String, Object> exports() {
    if (exports == null) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Export e : module.descriptor().exports()) {
        map.put(e.name(), exportValue(e.kind(), e.index()));
      }
      exports = map;
    }
    return exports;
  }

  private Object exportValue(ExternKind kind, int index) {
    return switch (kind) {
      case FUNCTION -> functionRef(index);
      case TABLE -> tables[index];
      case MEMORY -> memories[index];
      case GLOBAL -> globals[index];
      case TAG -> tags[index];
    };
  }

  /** The exported function {@code name}, or an IllegalArgumentException naming what exists. */
  public final ExportedFunction function(String name) {
    return new ExportedFunction(name, exportOf(name, FunctionRef.class, "function"));
  }

  public final Memory memory(String name) {
    return exportOf(name, Memory.class, "memory");
  }

  public final Table table(String name) {
    return exportOf(name, Table.class, "table");
  }

  public final Global global(String name) {
    return exportOf(name, Global.class, "global");
  }

  /** The exported tag {@code name}: host code throws and recognises this module's exceptions. */
  public final Tag tag(String name) {
    return exportOf(name, Tag.class, "tag");
  }

  private <T> T exportOf(String name, Class<T> type, String kind) {
    Object value = export(name);
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          "no exported " + kind + " named \"" + name + "\" (exports: " + exports().keySet() + ")");
    }
    return type.cast(value);
  }

  // ---- called by compiled code ----

  /**
   * {@code ref.func}: the funcref of function {@code index}, created once per function so that a
   * function's references are identical.
   */
  public final FunctionRef functionRef(int index) {
    FunctionRef ref = functionRefs[index];
    if (ref == null) {
      ref = createFunctionRef(index);
      functionRefs[index] = ref;
    }
    return ref;
  }

  private FunctionRef createFunctionRef(int index) {
    ModuleDescriptor d = module.descriptor();
    if (index < importedFunctions.length) {
      return importedFunctions[index];
    }
    return FunctionRef.compiled(
        d.functionType(index), d.functions().get(index).methodName(), this, index);
  }

  /** The handle of the compiled function {@code index}, bound to this instance. */
  final MethodHandle compiledHandle(int index) {
    ModuleDescriptor d = module.descriptor();
    FunctionType type = d.functionType(index);
    String method = d.functions().get(index).methodName();
    String owner = d.functions().get(index).owner();
    try {
      Class<?> holder =
          owner == null ? getClass() : Class.forName(owner, true, getClass().getClassLoader());
      MethodHandle mh =
          MethodHandles.publicLookup()
              .findStatic(holder, method, type.methodType().appendParameterTypes(getClass()));
      return MethodHandles.insertArguments(mh, type.methodType().parameterCount(), this);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("generated method " + method + " is missing", e);
    }
  }

  /**
   * Compiled code calls this at every function entry and loop header. Without the gate, C1 and C2
   * inline it to the load of the volatile flag and a branch, and to nothing where instances are not
   * interruptible ({@link #INTERRUPTIBLE_PROPERTY}). With the gate ({@link
   * #INTERRUPT_GATE_PROPERTY}), C2 inlines it to nothing while no instance is interrupted; see
   * {@link InterruptGate}. It throws only {@link dev.flarec.runtime.trap.WasmTrap}: it declares
   * {@code Throwable} because {@code invokeExact} does, and bytecode does not check exceptions,
   * while a handler that rethrew would add 16 bytes that C2 counts against its inlining budget at
   * every loop header.
   */
  public static void checkInterrupt(Instance instance) throws Throwable {
    // two ifs rather than if/else: 31 bytes, which C2 counts against its inlining budget at
    // every check even where it folds them away
    if (FLAG_CHECKS && instance.interruptRequested) {
      throw dev.flarec.runtime.trap.WasmTrap.interrupted();
    }
    if (INTERRUPT_GATE) {
      InterruptGate.CHECK.invokeExact(instance);
    }
  }

  /** The interned type at {@code typeIndex}, for {@code call_indirect}'s signature check. */
  public final FunctionType type(int typeIndex) {
    return types[typeIndex];
  }

  // Bulk operations take the instance last: compiled code has the Wasm operands on the stack
  // already and pushes the rest after them.

  /** {@code memory.init}. */
  public static void memoryInit(
      int dst, int src, int count, Memory memory, int segment, Instance instance) {
    memory.init(dst, instance.dataSegments[segment], src, count);
  }

  /** {@code memory.init} into a 64-bit memory. */
  public static void memoryInit(
      long dst, int src, int count, Memory64 memory, int segment, Instance instance) {
    memory.init(dst, instance.dataSegments[segment], src, count);
  }

  /** {@code data.drop}. */
  public static void dataDrop(int segment, Instance instance) {
    instance.dataSegments[segment] = EMPTY_BYTES;
  }

  /** {@code table.init}. */
  public static void tableInit(
      int dst, int src, int count, Table table, int segment, Instance instance) {
    table.init(dst, instance.elementSegments[segment], src, count);
  }

  /** {@code table.init} into a 64-bit table. */
  public static void tableInit(
      long dst, int src, int count, Table table, int segment, Instance instance) {
    tableInit(Table.index(dst), src, count, table, segment, instance);
  }

  /** {@code elem.drop}. */
  public static void elemDrop(int segment, Instance instance) {
    instance.elementSegments[segment] = EMPTY_REFS;
  }

  /** {@code throw}: a new exception of tag {@code tagIndex} carrying {@code payload}. */
  public static WasmException newException(Object[] payload, int tagIndex, Instance instance) {
    return new WasmException(instance.tags[tagIndex], payload);
  }

  /** A {@code catch} clause's test: is {@code e} of tag {@code tagIndex} of this instance? */
  public static boolean isTag(Object exception, int tagIndex, Instance instance) {
    return ((WasmException) exception).tag() == instance.tags[tagIndex];
  }

  private static final Tag[] NO_TAGS = new Tag[0];
  private static final byte[] EMPTY_BYTES = new byte[0];
  private static final Object[] EMPTY_REFS = new Object[0];

  // ---- used by instantiation ----

  final void linkTags(Tag[] linked) {
    tags = linked;
  }

  final void setElementSegment(int index, Object[] items) {
    elementSegments[index] = items;
  }

  /** A {@link Memory}, or a {@link Memory64}. */
  final Object memoryAt(int index) {
    return memories[index];
  }

  final Table tableAt(int index) {
    return tables[index];
  }

  final Global globalAt(int index) {
    return globals[index];
  }
}
