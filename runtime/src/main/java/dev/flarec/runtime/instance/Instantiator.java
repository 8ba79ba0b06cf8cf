package dev.flarec.runtime.instance;

import dev.flarec.runtime.descriptor.ConstExpr;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.descriptor.ModuleDescriptor.DataSegment;
import dev.flarec.runtime.descriptor.ModuleDescriptor.ElementSegment;
import dev.flarec.runtime.descriptor.ModuleDescriptor.GlobalDef;
import dev.flarec.runtime.descriptor.ModuleDescriptor.Import;
import dev.flarec.runtime.descriptor.ModuleDescriptor.MemoryDef;
import dev.flarec.runtime.descriptor.ModuleDescriptor.SegmentMode;
import dev.flarec.runtime.descriptor.ModuleDescriptor.TableDef;
import dev.flarec.runtime.descriptor.ModuleDescriptor.TagDef;
import dev.flarec.runtime.exception.Tag;
import dev.flarec.runtime.global.Global;
import dev.flarec.runtime.memory.Memory;
import dev.flarec.runtime.memory.Memory64;
import dev.flarec.runtime.table.Table;
import dev.flarec.runtime.trap.TrapBoundary;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.RefType;
import java.util.List;
import java.util.Objects;

/**
 * Carries out instantiation in the order the spec prescribes: resolve and match imports, allocate
 * memories, tables and shared globals, construct the generated instance, initialise globals, apply
 * element segments then data segments (a trap stops there, keeping what was already written), run
 * the start function.
 *
 * @see <a href="https://webassembly.github.io/spec/core/exec/modules.html#instantiation">Wasm 2.0
 *     §4.5.4</a>
 */
final class Instantiator {
  private final Module module;
  private final ModuleDescriptor d;
  private final Imports imports;
  private final int maxMemoryPages;

  Instantiator(Module module, Imports imports, int maxMemoryPages) {
    this.module = module;
    this.d = module.descriptor();
    this.imports = imports;
    this.maxMemoryPages = maxMemoryPages;
  }

  Instance instantiate() {
    FunctionRef[] functions = new FunctionRef[d.importedFunctionCount()];
    Object[] memories = new Object[d.memories().size()];
    Table[] tables = new Table[d.tables().size()];
    Global[] globals = new Global[d.globals().size()];
    Tag[] tags = new Tag[d.tags().size()];
    for (Import imp : d.imports()) {
      Object value = imports.lookup(imp.module(), imp.name());
      if (value == null) {
        throw new LinkException("unknown import", imp.module(), imp.name());
      }
      int i = imp.index();
      switch (imp.kind()) {
        case FUNCTION -> functions[i] = matchFunction(imp, value, d.functionType(i));
        case MEMORY -> memories[i] = matchMemory(imp, value, d.memories().get(i));
        case TABLE -> tables[i] = matchTable(imp, value, d.tables().get(i));
        case GLOBAL -> globals[i] = matchGlobal(imp, value, d.globals().get(i));
        case TAG -> tags[i] = matchTag(imp, value, d.types().get(d.tags().get(i).typeIndex()));
      }
    }
    for (int i = 0; i < memories.length; i++) {
      MemoryDef m = d.memories().get(i);
      if (!m.imported()) {
        memories[i] =
            m.is64()
                ? new Memory64(m.limits(), memory64Cap())
                : new Memory(m.limits(), maxMemoryPages);
      }
    }
    for (int i = 0; i < tables.length; i++) {
      TableDef t = d.tables().get(i);
      if (!t.imported()) {
        tables[i] = new Table(t.elementType(), t.refType(), t.limits(), t.is64());
      }
    }
    if (!d.checksMemorySize()) {
      // this module's loads and stores rely on the JVM's bounds check alone
      for (Object m : memories) {
        if (m instanceof Memory memory) {
          memory.keepExact();
        }
      }
    }
    if (d.tracksMemoryWrites()) {
      for (Object m : memories) {
        if (m instanceof Memory memory && memory.written == null) {
          memory.trackWrites();
        }
      }
    }
    for (int i = 0; i < globals.length; i++) {
      GlobalDef g = d.globals().get(i);
      if (!g.imported() && g.shared()) {
        globals[i] = Global.of(g.type(), g.mutable(), null, g.refType());
      }
    }

    for (int i = 0; i < tags.length; i++) {
      TagDef t = d.tags().get(i);
      if (!t.imported()) {
        tags[i] = Tag.of(d.types().get(t.typeIndex()));
      }
    }

    Instance instance = module.construct(new Linkage(module, functions, memories, tables, globals));
    instance.linkTags(tags);
    try {
      instance.initializeGlobals();
      initializeTables(instance);
      applyElements(instance);
      applyData(instance);
      if (d.startFunction() != ModuleDescriptor.NO_START) {
        instance.functionRef(d.startFunction()).handle().invokeExact();
      }
    } catch (Throwable t) {
      throw TrapBoundary.translate(t);
    }
    return instance;
  }

  /** Fills tables that have an initialiser with its value (after globals, which it may read). */
  private void initializeTables(Instance instance) {
    for (int i = 0; i < d.tables().size(); i++) {
      TableDef t = d.tables().get(i);
      if (!t.imported() && t.init() != null) {
        Table table = instance.tableAt(i);
        table.fill(0, evaluate(instance, t.init()), table.size());
      }
    }
  }

  private void applyElements(Instance instance) {
    for (int s = 0; s < d.elements().size(); s++) {
      ElementSegment seg = d.elements().get(s);
      List<ConstExpr> items = seg.items();
      Object[] refs = new Object[items.size()];
      for (int i = 0; i < refs.length; i++) {
        refs[i] = evaluate(instance, items.get(i));
      }
      instance.setElementSegment(s, refs);
      if (seg.mode() == SegmentMode.ACTIVE) {
        Object at = evaluate(instance, seg.offset());
        int offset = at instanceof Long wide ? Table.index(wide) : (Integer) at;
        Instance.tableInit(offset, 0, refs.length, instance.tableAt(seg.tableIndex()), s, instance);
      }
      if (seg.mode() != SegmentMode.PASSIVE) {
        Instance.elemDrop(s, instance);
      }
    }
  }

  private void applyData(Instance instance) {
    for (int s = 0; s < d.data().size(); s++) {
      DataSegment seg = d.data().get(s);
      if (seg.mode() == SegmentMode.ACTIVE) {
        Object offset = evaluate(instance, seg.offset());
        Object memory = instance.memoryAt(seg.memoryIndex());
        if (memory instanceof Memory64 m) {
          Instance.memoryInit((Long) offset, 0, seg.bytes().length, m, s, instance);
        } else {
          Instance.memoryInit(
              (Integer) offset, 0, seg.bytes().length, (Memory) memory, s, instance);
        }
        Instance.dataDrop(s, instance);
      }
    }
  }

  /**
   * Evaluates a segment offset, element item or table initialiser (§3.3.10: constant instructions
   * and, since 3.0, integer add, sub and mul over them, wrapping).
   */
  private static Object evaluate(Instance instance, ConstExpr c) {
    return switch (c.op()) {
      case I32_CONST -> (int) c.operand();
      case I64_CONST -> c.operand();
      case F32_CONST -> Float.intBitsToFloat((int) c.operand());
      case F64_CONST -> Double.longBitsToDouble(c.operand());
      case REF_NULL -> null;
      case REF_FUNC -> instance.functionRef((int) c.operand());
      case GLOBAL_GET -> instance.globalAt((int) c.operand()).get();
      case I32_ADD -> evaluateInt(instance, c, 0) + evaluateInt(instance, c, 1);
      case I32_SUB -> evaluateInt(instance, c, 0) - evaluateInt(instance, c, 1);
      case I32_MUL -> evaluateInt(instance, c, 0) * evaluateInt(instance, c, 1);
      case I64_ADD -> evaluateLong(instance, c, 0) + evaluateLong(instance, c, 1);
      case I64_SUB -> evaluateLong(instance, c, 0) - evaluateLong(instance, c, 1);
      case I64_MUL -> evaluateLong(instance, c, 0) * evaluateLong(instance, c, 1);
    };
  }

  private static int evaluateInt(Instance instance, ConstExpr c, int operand) {
    return (Integer) evaluate(instance, c.operands().get(operand));
  }

  private static long evaluateLong(Instance instance, ConstExpr c, int operand) {
    return (Long) evaluate(instance, c.operands().get(operand));
  }

  private static FunctionRef matchFunction(Import imp, Object value, FunctionType expected) {
    if (!(value instanceof FunctionRef f) || !f.type().matches(expected)) {
      throw new LinkException("incompatible import type", imp.module(), imp.name());
    }
    return f;
  }

  /**
   * The host's cap on a 64-bit memory: {@link Module#instantiate(Imports, int)}'s when one was
   * given, none by default (the 32-bit default, {@link Memory#MAX_PAGES}, is the array's limit).
   */
  private long memory64Cap() {
    return maxMemoryPages < Memory.MAX_PAGES ? maxMemoryPages : Memory64.SPEC_MAX_PAGES;
  }

  private static Object matchMemory(Import imp, Object value, MemoryDef expected) {
    boolean admits;
    if (value instanceof Memory m && !expected.is64()) {
      admits = expected.limits().admits(m.pages(), m.limits().hasMax() ? m.limits().max() : -1);
    } else if (value instanceof Memory64 m && expected.is64()) {
      admits = expected.limits().admits(m.pages(), m.limits().hasMax() ? m.limits().max() : -1);
    } else {
      admits = false;
    }
    if (!admits) {
      throw new LinkException("incompatible import type", imp.module(), imp.name());
    }
    return value;
  }

  private static Table matchTable(Import imp, Object value, TableDef expected) {
    if (!(value instanceof Table t)
        || t.is64() != expected.is64()
        || t.elementType() != expected.elementType()
        || !Objects.equals(t.refType(), expected.refType())
        || !expected.limits().admits(t.size(), t.limits().hasMax() ? t.limits().max() : -1)) {
      throw new LinkException("incompatible import type", imp.module(), imp.name());
    }
    return t;
  }

  /** Tag types match when equal (interned, so identical); the tag itself is shared. */
  private static Tag matchTag(Import imp, Object value, FunctionType expected) {
    if (!(value instanceof Tag t) || t.type() != expected) {
      throw new LinkException("incompatible import type", imp.module(), imp.name());
    }
    return t;
  }

  private static Global matchGlobal(Import imp, Object value, GlobalDef expected) {
    if (!(value instanceof Global g)
        || g.type() != expected.type()
        || g.mutable() != expected.mutable()
        || !globalTypeMatches(g.refType(), expected.refType(), g.mutable())) {
      throw new LinkException("incompatible import type", imp.module(), imp.name());
    }
    return g;
  }

  /**
   * Reference types of globals (§3.3.1, global types): an immutable global may be of a subtype of
   * the import's type, a mutable one must be of the same type, as it is read and written.
   */
  private static boolean globalTypeMatches(RefType actual, RefType expected, boolean mutable) {
    if (actual == null || expected == null) {
      return actual == expected;
    }
    return mutable ? actual.equals(expected) : actual.matches(expected);
  }
}
