package dev.flarec.runtime.descriptor;

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
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@link ModuleDescriptor}s as the resource stored beside a generated class.
 *
 * <p>The format is private to one flarec version (the compiler and the runtime that read it ship in
 * the same JAR), so it is a plain {@link DataOutputStream} sequence of the record components in
 * declaration order, headed by a magic number and a format version that are checked on read.
 */
// read back only by the runtime copy in the same JAR, so ordinals agree
@SuppressWarnings("EnumOrdinal")
public final class DescriptorCodec {
  /** File name suffix of the resource beside the generated class. */
  public static final String RESOURCE_SUFFIX = ".flarec-module";

  private static final int MAGIC = 0x464C5243; // "FLRC"
  private static final int VERSION = 5;

  private DescriptorCodec() {}

  public static byte[] encode(ModuleDescriptor d) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeUTF(d.className());
      out.writeInt(d.types().size());
      for (FunctionType t : d.types()) {
        writeTypes(out, t.params());
        writeTypes(out, t.results());
        out.writeBoolean(t.canonicalKey() != null);
        if (t.canonicalKey() != null) {
          writeString(out, t.canonicalKey());
        }
        // a supertype is declared before its subtypes, so it is decoded first
        out.writeInt(t.supertype() == null ? -1 : d.types().indexOf(t.supertype()));
      }
      out.writeInt(d.imports().size());
      for (Import i : d.imports()) {
        writeString(out, i.module());
        writeString(out, i.name());
        out.writeByte(i.kind().ordinal());
        out.writeInt(i.index());
      }
      out.writeInt(d.functions().size());
      for (Function f : d.functions()) {
        out.writeInt(f.typeIndex());
        out.writeBoolean(f.methodName() != null);
        if (f.methodName() != null) {
          out.writeUTF(f.methodName());
        }
        out.writeBoolean(f.owner() != null);
        if (f.owner() != null) {
          out.writeUTF(f.owner());
        }
      }
      out.writeInt(d.tables().size());
      for (TableDef t : d.tables()) {
        out.writeByte(t.elementType().code());
        writeLimits(out, t.limits());
        out.writeByte((t.imported() ? 1 : 0) | (t.is64() ? 2 : 0));
        writeConst(out, t.init());
        writeRefType(out, t.refType(), d.types());
      }
      out.writeInt(d.memories().size());
      for (MemoryDef m : d.memories()) {
        writeLimits(out, m.limits());
        out.writeByte((m.imported() ? 1 : 0) | (m.is64() ? 2 : 0));
      }
      out.writeInt(d.globals().size());
      for (GlobalDef g : d.globals()) {
        out.writeByte(g.type().code());
        out.writeBoolean(g.mutable());
        out.writeBoolean(g.imported());
        out.writeBoolean(g.shared());
        writeRefType(out, g.refType(), d.types());
      }
      out.writeInt(d.exports().size());
      for (Export e : d.exports()) {
        writeString(out, e.name());
        out.writeByte(e.kind().ordinal());
        out.writeInt(e.index());
      }
      out.writeInt(d.startFunction());
      out.writeInt(d.elements().size());
      for (ElementSegment e : d.elements()) {
        out.writeByte(e.mode().ordinal());
        out.writeInt(e.tableIndex());
        writeConst(out, e.offset());
        out.writeByte(e.type().code());
        out.writeInt(e.items().size());
        for (ConstExpr item : e.items()) {
          writeConst(out, item);
        }
      }
      out.writeInt(d.data().size());
      for (DataSegment s : d.data()) {
        out.writeByte(s.mode().ordinal());
        out.writeInt(s.memoryIndex());
        writeConst(out, s.offset());
        out.writeInt(s.bytes().length);
        out.write(s.bytes());
      }
      out.writeBoolean(d.tracksMemoryWrites());
      out.writeBoolean(d.checksMemorySize());
      out.writeInt(d.tags().size());
      for (TagDef t : d.tags()) {
        out.writeInt(t.typeIndex());
        out.writeBoolean(t.imported());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static ModuleDescriptor decode(byte[] encoded) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        throw new IllegalArgumentException(
            "not a module descriptor of this flarec version (recompile the module)");
      }
      String className = in.readUTF();
      int n = in.readInt();
      List<FunctionType> types = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        List<ValueType> params = readTypes(in);
        List<ValueType> results = readTypes(in);
        String key = in.readBoolean() ? readString(in) : null;
        int supertype = in.readInt();
        types.add(
            FunctionType.of(params, results, key, supertype < 0 ? null : types.get(supertype)));
      }
      n = in.readInt();
      List<Import> imports = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        imports.add(
            new Import(
                readString(in), readString(in), ExternKind.values()[in.readByte()], in.readInt()));
      }
      n = in.readInt();
      List<Function> functions = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int type = in.readInt();
        String method = in.readBoolean() ? in.readUTF() : null;
        String owner = in.readBoolean() ? in.readUTF() : null;
        functions.add(new Function(type, method, owner));
      }
      n = in.readInt();
      List<TableDef> tables = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        tables.add(readTable(in, types));
      }
      n = in.readInt();
      List<MemoryDef> memories = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Limits limits = readLimits(in);
        int bits = in.readUnsignedByte();
        memories.add(new MemoryDef(limits, (bits & 1) != 0, (bits & 2) != 0));
      }
      n = in.readInt();
      List<GlobalDef> globals = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        globals.add(
            new GlobalDef(
                ValueType.ofCode(in.readUnsignedByte()),
                in.readBoolean(),
                in.readBoolean(),
                in.readBoolean(),
                readRefType(in, types)));
      }
      n = in.readInt();
      List<Export> exports = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        exports.add(new Export(readString(in), ExternKind.values()[in.readByte()], in.readInt()));
      }
      int start = in.readInt();
      n = in.readInt();
      List<ElementSegment> elements = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        SegmentMode mode = SegmentMode.values()[in.readByte()];
        int table = in.readInt();
        ConstExpr offset = readConst(in);
        ValueType type = ValueType.ofCode(in.readUnsignedByte());
        int count = in.readInt();
        List<ConstExpr> items = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
          items.add(readConst(in));
        }
        elements.add(new ElementSegment(mode, table, offset, type, items));
      }
      n = in.readInt();
      List<DataSegment> data = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        SegmentMode mode = SegmentMode.values()[in.readByte()];
        int memory = in.readInt();
        ConstExpr offset = readConst(in);
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        data.add(new DataSegment(mode, memory, offset, bytes));
      }
      boolean tracksWrites = in.readBoolean();
      boolean checksSize = in.readBoolean();
      n = in.readInt();
      List<TagDef> tags = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        tags.add(new TagDef(in.readInt(), in.readBoolean()));
      }
      return new ModuleDescriptor(
          className,
          types,
          imports,
          functions,
          tables,
          memories,
          globals,
          exports,
          start,
          elements,
          data,
          tracksWrites,
          checksSize,
          tags);
    } catch (IOException e) {
      throw new UncheckedIOException("corrupt module descriptor", e);
    }
  }

  private static void writeRefType(DataOutputStream out, RefType t, List<FunctionType> types)
      throws IOException {
    out.writeBoolean(t != null);
    if (t != null) {
      out.writeBoolean(t.nullable());
      out.writeByte(t.heap().ordinal());
      out.writeInt(t.defined() == null ? -1 : types.indexOf(t.defined()));
    }
  }

  private static RefType readRefType(DataInputStream in, List<FunctionType> types)
      throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    boolean nullable = in.readBoolean();
    RefType.Heap heap = RefType.Heap.values()[in.readByte()];
    int defined = in.readInt();
    return new RefType(nullable, heap, defined < 0 ? null : types.get(defined));
  }

  private static void writeTypes(DataOutputStream out, List<ValueType> types) throws IOException {
    out.writeInt(types.size());
    for (ValueType t : types) {
      out.writeByte(t.code());
    }
  }

  private static List<ValueType> readTypes(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<ValueType> types = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      types.add(ValueType.ofCode(in.readUnsignedByte()));
    }
    return types;
  }

  private static void writeLimits(DataOutputStream out, Limits limits) throws IOException {
    out.writeLong(limits.min());
    out.writeLong(limits.max());
  }

  private static TableDef readTable(DataInputStream in, List<FunctionType> types)
      throws IOException {
    ValueType type = ValueType.ofCode(in.readUnsignedByte());
    Limits limits = readLimits(in);
    int bits = in.readUnsignedByte();
    ConstExpr init = readConst(in);
    return new TableDef(
        type, limits, (bits & 1) != 0, init, (bits & 2) != 0, readRefType(in, types));
  }

  private static Limits readLimits(DataInputStream in) throws IOException {
    return new Limits(in.readLong(), in.readLong());
  }

  private static void writeConst(DataOutputStream out, ConstExpr c) throws IOException {
    out.writeBoolean(c != null);
    if (c != null) {
      writeConstTree(out, c);
    }
  }

  // prefix order: an arithmetic node's operands follow it
  private static void writeConstTree(DataOutputStream out, ConstExpr c) throws IOException {
    out.writeByte(c.op().ordinal());
    out.writeLong(c.operand());
    for (ConstExpr operand : c.operands()) {
      writeConstTree(out, operand);
    }
  }

  private static ConstExpr readConst(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    return readConstTree(in);
  }

  private static ConstExpr readConstTree(DataInputStream in) throws IOException {
    ConstExpr.Op op = ConstExpr.Op.values()[in.readByte()];
    long operand = in.readLong();
    if (!op.isArithmetic()) {
      return new ConstExpr(op, operand);
    }
    ConstExpr left = readConstTree(in);
    return ConstExpr.arithmetic(op, left, readConstTree(in));
  }

  // Import and export names are arbitrary UTF-8 of any length, which writeUTF cannot carry.
  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] utf8 = new byte[in.readInt()];
    in.readFully(utf8);
    return new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
  }
}
