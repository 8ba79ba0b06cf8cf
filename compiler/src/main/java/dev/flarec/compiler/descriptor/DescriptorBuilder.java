package dev.flarec.compiler.descriptor;

import dev.flarec.compiler.InvalidModuleException;
import dev.flarec.compiler.UnsupportedModuleException;
import dev.flarec.compiler.decode.ModuleDecoder;
import dev.flarec.compiler.layout.JvmTypes;
import dev.flarec.compiler.layout.NamingScheme;
import dev.flarec.runtime.descriptor.ConstExpr;
import dev.flarec.runtime.descriptor.ExternKind;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import dev.flarec.runtime.descriptor.ModuleDescriptor.DataSegment;
import dev.flarec.runtime.descriptor.ModuleDescriptor.ElementSegment;
import dev.flarec.runtime.descriptor.ModuleDescriptor.Export;
import dev.flarec.runtime.descriptor.ModuleDescriptor.Function;
import dev.flarec.runtime.descriptor.ModuleDescriptor.GlobalDef;
import dev.flarec.runtime.descriptor.ModuleDescriptor.Import;
import dev.flarec.runtime.descriptor.ModuleDescriptor.MemoryDef;
import dev.flarec.runtime.descriptor.ModuleDescriptor.SegmentMode;
import dev.flarec.runtime.descriptor.ModuleDescriptor.TableDef;
import dev.flarec.runtime.descriptor.ModuleDescriptor.TagDef;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.Limits;
import dev.flarec.runtime.types.RefType;
import dev.flarec.runtime.types.ValueType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.ActiveDataSegment;
import run.endive.wasm.types.ActiveElement;
import run.endive.wasm.types.DeclarativeElement;
import run.endive.wasm.types.Element;
import run.endive.wasm.types.FunctionImport;
import run.endive.wasm.types.GlobalImport;
import run.endive.wasm.types.Instruction;
import run.endive.wasm.types.MemoryImport;
import run.endive.wasm.types.MemoryLimits;
import run.endive.wasm.types.MutabilityType;
import run.endive.wasm.types.NameCustomSection;
import run.endive.wasm.types.OpCode;
import run.endive.wasm.types.TableImport;
import run.endive.wasm.types.TableLimits;
import run.endive.wasm.types.TagImport;
import run.endive.wasm.types.ValType;

/**
 * Builds the {@link ModuleDescriptor} of a decoded, validated module: everything the runtime needs
 * to link and instantiate it, with function method names chosen here once.
 */
public final class DescriptorBuilder {
  private DescriptorBuilder() {}

  public static ModuleDescriptor build(WasmModule m, String className) {
    return build(m, className, List.of());
  }

  /**
   * Like {@link #build(WasmModule, String)}, with the memory types the binary declares ({@code
   * ModuleDecoder.memoryTypes}): the parser's module has 64-bit memories as 32-bit ones.
   */
  public static ModuleDescriptor build(
      WasmModule m, String className, List<ModuleDecoder.MemoryType> memoryTypes) {
    return build(m, className, memoryTypes, List.of());
  }

  /** As above, with the table types too: the parser's module has table64 tables as 32-bit ones. */
  public static ModuleDescriptor build(
      WasmModule m,
      String className,
      List<ModuleDecoder.MemoryType> memoryTypes,
      List<ModuleDecoder.MemoryType> tableTypes) {
    ModuleDescriptor d = buildFromParser(m, className);
    if (memoryTypes.stream().noneMatch(ModuleDecoder.MemoryType::is64)
        && tableTypes.stream().noneMatch(ModuleDecoder.MemoryType::is64)) {
      return d;
    }
    List<TableDef> tables = new ArrayList<>(d.tables());
    for (int i = 0; i < tables.size() && i < tableTypes.size(); i++) {
      ModuleDecoder.MemoryType t = tableTypes.get(i);
      if (t.is64()) {
        tables.set(
            i, tables.get(i).as64(new Limits(t.min(), t.max() < 0 ? Limits.NO_MAX : t.max())));
      }
    }
    List<MemoryDef> memories = new ArrayList<>(d.memories());
    for (int i = 0; i < memories.size() && i < memoryTypes.size(); i++) {
      ModuleDecoder.MemoryType t = memoryTypes.get(i);
      if (t.is64()) {
        memories.set(
            i, memories.get(i).as64(new Limits(t.min(), t.max() < 0 ? Limits.NO_MAX : t.max())));
      }
    }
    return new ModuleDescriptor(
        d.className(),
        d.types(),
        d.imports(),
        d.functions(),
        tables,
        memories,
        d.globals(),
        d.exports(),
        d.startFunction(),
        d.elements(),
        d.data());
  }

  private static ModuleDescriptor buildFromParser(WasmModule m, String className) {
    List<FunctionType> types = new ArrayList<>();
    String[] keys = CanonicalTypes.keys(m.typeSection());
    run.endive.wasm.types.FunctionType[] parsed = m.typeSection().types();
    for (int i = 0; i < parsed.length; i++) {
      FunctionType erased = JvmTypes.functionType(parsed[i]);
      int supertype = CanonicalTypes.supertype(m.typeSection(), i);
      types.add(
          FunctionType.of(
              erased.params(),
              erased.results(),
              keys[i],
              supertype < 0 ? null : types.get(supertype)));
    }

    List<Import> imports = new ArrayList<>();
    List<Function> functions = new ArrayList<>();
    List<TableDef> tables = new ArrayList<>();
    List<MemoryDef> memories = new ArrayList<>();
    List<GlobalDef> globals = new ArrayList<>();
    Set<Integer> exportedGlobals = new HashSet<>();
    List<Export> exports = new ArrayList<>();
    List<TagDef> tags = new ArrayList<>();
    for (int i = 0; i < m.exportSection().exportCount(); i++) {
      run.endive.wasm.types.Export e = m.exportSection().getExport(i);
      ExternKind kind = externKind(e.exportType());
      exports.add(new Export(e.name(), kind, e.index()));
      if (kind == ExternKind.GLOBAL) {
        exportedGlobals.add(e.index());
      }
    }

    for (int i = 0; i < m.importSection().importCount(); i++) {
      run.endive.wasm.types.Import imp = m.importSection().getImport(i);
      if (imp instanceof FunctionImport f) {
        imports.add(new Import(imp.module(), imp.name(), ExternKind.FUNCTION, functions.size()));
        functions.add(new Function(f.typeIndex(), null));
      } else if (imp instanceof TableImport t) {
        imports.add(new Import(imp.module(), imp.name(), ExternKind.TABLE, tables.size()));
        tables.add(
            new TableDef(
                JvmTypes.valueType(t.entryType()),
                tableLimits(t.limits()),
                true,
                null,
                refType(t.entryType(), types)));
      } else if (imp instanceof MemoryImport mem) {
        imports.add(new Import(imp.module(), imp.name(), ExternKind.MEMORY, memories.size()));
        memories.add(new MemoryDef(memoryLimits(mem.limits()), true));
      } else if (imp instanceof GlobalImport g) {
        imports.add(new Import(imp.module(), imp.name(), ExternKind.GLOBAL, globals.size()));
        globals.add(
            new GlobalDef(
                JvmTypes.valueType(g.type()),
                g.mutabilityType() == MutabilityType.Var,
                true,
                true,
                refType(g.type(), types)));
      } else if (imp instanceof TagImport tag) {
        imports.add(new Import(imp.module(), imp.name(), ExternKind.TAG, tags.size()));
        tags.add(new TagDef(tag.tagType().typeIdx(), true));
      } else {
        throw new UnsupportedModuleException(
            "import " + imp.module() + "." + imp.name() + " is of a kind beyond WebAssembly 2.0");
      }
    }

    NamingScheme names = new NamingScheme();
    NameCustomSection nameSection = m.nameSection();
    int imported = functions.size();
    for (int i = 0; i < m.functionSection().functionCount(); i++) {
      int index = imported + i;
      String wasmName = nameSection == null ? null : nameSection.nameOfFunction(index);
      functions.add(
          new Function(
              m.functionSection().getFunctionType(i), names.functionMethod(index, wasmName)));
    }
    for (int i = 0; i < m.tableSection().tableCount(); i++) {
      run.endive.wasm.types.Table t = m.tableSection().getTable(i);
      List<Instruction> init = t.initialize();
      tables.add(
          new TableDef(
              JvmTypes.valueType(t.elementType()),
              tableLimits(t.limits()),
              false,
              init == null || init.isEmpty() ? null : constExpr(init),
              refType(t.elementType(), types)));
    }
    m.memorySection()
        .ifPresent(
            s -> {
              for (int i = 0; i < s.memoryCount(); i++) {
                memories.add(new MemoryDef(memoryLimits(s.getMemory(i).limits()), false));
              }
            });
    Set<Integer> readAtInstantiation = globalsReadAtInstantiation(m);
    for (int i = 0; i < m.globalSection().globalCount(); i++) {
      run.endive.wasm.types.Global g = m.globalSection().getGlobal(i);
      int index = globals.size();
      globals.add(
          new GlobalDef(
              JvmTypes.valueType(g.valueType()),
              g.mutabilityType() == MutabilityType.Var,
              false,
              exportedGlobals.contains(index) || readAtInstantiation.contains(index),
              refType(g.valueType(), types)));
    }

    List<ElementSegment> elements = new ArrayList<>();
    for (Element e : m.elementSection().elements()) {
      List<ConstExpr> items = new ArrayList<>();
      for (List<Instruction> init : e.initializers()) {
        items.add(constExpr(init));
      }
      ValueType type = JvmTypes.valueType(e.type());
      if (e instanceof ActiveElement a) {
        elements.add(
            new ElementSegment(
                SegmentMode.ACTIVE, a.tableIndex(), constExpr(a.offset()), type, items));
      } else if (e instanceof DeclarativeElement) {
        elements.add(new ElementSegment(SegmentMode.DECLARATIVE, 0, null, type, items));
      } else {
        elements.add(new ElementSegment(SegmentMode.PASSIVE, 0, null, type, items));
      }
    }

    List<DataSegment> data = new ArrayList<>();
    for (run.endive.wasm.types.DataSegment s : m.dataSection().dataSegments()) {
      if (s instanceof ActiveDataSegment a) {
        data.add(
            new DataSegment(
                SegmentMode.ACTIVE, (int) a.index(), constExpr(a.offsetInstructions()), a.data()));
      } else {
        data.add(new DataSegment(SegmentMode.PASSIVE, 0, null, s.data()));
      }
    }

    m.tagSection()
        .ifPresent(
            s -> {
              for (int i = 0; i < s.tagCount(); i++) {
                tags.add(new TagDef(s.getTag(i).typeIdx(), false));
              }
            });

    int start = m.startSection().map(s -> (int) s.startIndex()).orElse(ModuleDescriptor.NO_START);
    return new ModuleDescriptor(
            className, types, imports, functions, tables, memories, globals, exports, start,
            elements, data)
        .withTags(tags);
  }

  /**
   * A constant expression as the descriptor stores it: its instructions (followed by {@code end},
   * which the parser may or may not keep) in postfix order, made a tree. Validation has checked
   * that they leave exactly one value.
   */
  public static ConstExpr constExpr(List<Instruction> code) {
    Deque<ConstExpr> stack = new ArrayDeque<>();
    for (Instruction ins : code) {
      if (ins.opcode() == OpCode.END) {
        break;
      }
      ConstExpr.Op arithmetic = arithmetic(ins.opcode());
      if (arithmetic != null) {
        if (stack.size() < 2) {
          throw new InvalidModuleException("type mismatch");
        }
        ConstExpr right = stack.pop();
        stack.push(ConstExpr.arithmetic(arithmetic, stack.pop(), right));
        continue;
      }
      stack.push(
          switch (ins.opcode()) {
            case I32_CONST -> new ConstExpr(ConstExpr.Op.I32_CONST, (int) ins.operand(0));
            case I64_CONST -> new ConstExpr(ConstExpr.Op.I64_CONST, ins.operand(0));
            case F32_CONST -> new ConstExpr(ConstExpr.Op.F32_CONST, ins.operand(0));
            case F64_CONST -> new ConstExpr(ConstExpr.Op.F64_CONST, ins.operand(0));
            case REF_NULL -> new ConstExpr(ConstExpr.Op.REF_NULL, ins.operand(0));
            case REF_FUNC -> new ConstExpr(ConstExpr.Op.REF_FUNC, ins.operand(0));
            case GLOBAL_GET -> new ConstExpr(ConstExpr.Op.GLOBAL_GET, ins.operand(0));
            default -> throw new InvalidModuleException("constant expression required");
          });
    }
    if (stack.size() != 1) {
      throw new InvalidModuleException(
          stack.isEmpty() ? "type mismatch" : "constant expression required");
    }
    return stack.pop();
  }

  private static ConstExpr.Op arithmetic(OpCode op) {
    return switch (op) {
      case I32_ADD -> ConstExpr.Op.I32_ADD;
      case I32_SUB -> ConstExpr.Op.I32_SUB;
      case I32_MUL -> ConstExpr.Op.I32_MUL;
      case I64_ADD -> ConstExpr.Op.I64_ADD;
      case I64_SUB -> ConstExpr.Op.I64_SUB;
      case I64_MUL -> ConstExpr.Op.I64_MUL;
      default -> null;
    };
  }

  /**
   * A reference type as written, for import matching at link time; {@code null} for numbers and
   * vectors, and for heap types flarec has no run-time counterpart of yet (matched by their {@link
   * ValueType} alone).
   */
  static RefType refType(ValType t, List<FunctionType> types) {
    if (!t.isReference()) {
      return null;
    }
    int heap = t.typeIdx();
    if (heap >= 0) {
      return new RefType(t.isNullable(), RefType.Heap.DEFINED, types.get(heap));
    }
    RefType.Heap abstractHeap;
    if (heap == ValType.FuncRef.typeIdx()) {
      abstractHeap = RefType.Heap.FUNC;
    } else if (heap == ValType.NoFuncRef.typeIdx()) {
      abstractHeap = RefType.Heap.NOFUNC;
    } else if (heap == ValType.ExternRef.typeIdx()) {
      abstractHeap = RefType.Heap.EXTERN;
    } else if (heap == ValType.NoExternRef.typeIdx()) {
      abstractHeap = RefType.Heap.NOEXTERN;
    } else {
      return null;
    }
    return new RefType(t.isNullable(), abstractHeap, null);
  }

  /**
   * Globals that a segment offset, element item or table initialiser reads: the runtime evaluates
   * those and reads globals through their cells, so these live in cells like exported ones.
   */
  private static Set<Integer> globalsReadAtInstantiation(WasmModule m) {
    List<List<Instruction>> expressions = new ArrayList<>();
    for (int i = 0; i < m.tableSection().tableCount(); i++) {
      List<Instruction> init = m.tableSection().getTable(i).initialize();
      if (init != null) {
        expressions.add(init);
      }
    }
    for (Element e : m.elementSection().elements()) {
      if (e instanceof ActiveElement a) {
        expressions.add(a.offset());
      }
      expressions.addAll(e.initializers());
    }
    for (run.endive.wasm.types.DataSegment s : m.dataSection().dataSegments()) {
      if (s instanceof ActiveDataSegment a) {
        expressions.add(a.offsetInstructions());
      }
    }
    Set<Integer> read = new HashSet<>();
    for (List<Instruction> code : expressions) {
      for (Instruction ins : code) {
        if (ins.opcode() == OpCode.GLOBAL_GET) {
          read.add((int) ins.operand(0));
        }
      }
    }
    return read;
  }

  private static ExternKind externKind(run.endive.wasm.types.ExternalType t) {
    return switch (t) {
      case FUNCTION -> ExternKind.FUNCTION;
      case TABLE -> ExternKind.TABLE;
      case MEMORY -> ExternKind.MEMORY;
      case GLOBAL -> ExternKind.GLOBAL;
      case TAG -> ExternKind.TAG;
      default ->
          throw new UnsupportedModuleException(
              "export of kind " + t + " is beyond WebAssembly 2.0");
    };
  }

  // The parser stores "no maximum" as its own ceiling; map it back to "none".
  private static Limits memoryLimits(MemoryLimits l) {
    long max = l.maximumPages() >= MemoryLimits.MAX_PAGES ? Limits.NO_MAX : l.maximumPages();
    return new Limits(l.initialPages(), max);
  }

  /**
   * The parser clamps a table's minimum to its limit, which is the runtime's table limit too
   * ({@code Table.MAX_ELEMENTS}): a clamped minimum stands for "more than the runtime can create",
   * so that instantiating the module fails cleanly instead of making a smaller table.
   */
  private static Limits tableLimits(TableLimits l) {
    long max = l.max() >= TableLimits.LIMIT_MAX ? Limits.NO_MAX : l.max();
    long min = l.min() >= TableLimits.LIMIT_MAX ? TableLimits.LIMIT_MAX + 1 : l.min();
    return new Limits(min, max);
  }
}
