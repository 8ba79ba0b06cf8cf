package dev.flarec.compiler.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small WebAssembly binaries directly, for tests that need modules too large to write (or to
 * convert) as text: functions of hundreds of kilobytes, thousands of locals, deep nesting. Only
 * what those tests use: types (typed references too), function and tag imports, functions with
 * locals, exception tags, exports, one memory, declared function references, and the
 * exception-handling instructions (which the text translator does not know).
 *
 * <pre>{@code
 * ModuleBuilder m = new ModuleBuilder();
 * int t = m.type(new byte[] {I32}, new byte[] {I32});
 * Code body = new Code().localGet(0).i32Const(1).op(I32_ADD);
 * m.export("inc", m.function(t, new byte[0], body));
 * byte[] wasm = m.build();
 * }</pre>
 */
public final class ModuleBuilder {
  public static final byte I32 = 0x7F;
  public static final byte I64 = 0x7E;
  public static final byte F32 = 0x7D;
  public static final byte F64 = 0x7C;
  public static final byte EXNREF = 0x69;

  /** The block type of a block without values. */
  public static final int VOID = 0x40;

  private final List<byte[]> types = new ArrayList<>();
  private final List<Integer> functionTypes = new ArrayList<>();
  private final List<byte[]> bodies = new ArrayList<>();
  private final List<byte[]> exports = new ArrayList<>();
  private final List<byte[]> globals = new ArrayList<>();
  private final List<byte[]> imports = new ArrayList<>();
  private final List<byte[]> tags = new ArrayList<>();
  private final List<byte[]> tables = new ArrayList<>();
  private int importedFunctions;
  private int importedTags;
  private final List<Integer> declared = new ArrayList<>();
  private int memoryPages = -1;
  private boolean memory64;

  /** {@code (ref null $t)} as a value type, for the encoded forms below ({@code t} below 64). */
  public static byte[] refNull(int typeIndex) {
    return new byte[] {0x63, (byte) typeIndex};
  }

  /** {@code (ref $t)} as a value type ({@code t} below 64). */
  public static byte[] ref(int typeIndex) {
    return new byte[] {0x64, (byte) typeIndex};
  }

  /**
   * Adds a function type whose parameter and result types are given encoded (value types of more
   * than one byte, such as typed references), with their counts; returns its index.
   */
  public int typeEncoded(int paramCount, byte[] params, int resultCount, byte[] results) {
    types.add(
        new Bytes().u8(0x60).u32(paramCount).raw(params).u32(resultCount).raw(results).toArray());
    return types.size() - 1;
  }

  /** Adds a function whose locals are given as one encoded type each; returns its index. */
  public int functionWithLocals(int type, List<byte[]> locals, Code body) {
    Bytes b = new Bytes().u32(locals.size());
    for (byte[] l : locals) {
      b.u32(1).raw(l);
    }
    b.raw(body.endBody().toArray());
    byte[] content = b.toArray();
    bodies.add(new Bytes().u32(content.length).raw(content).toArray());
    functionTypes.add(type);
    return functionTypes.size() - 1;
  }

  /** Declares functions for {@code ref.func} (a declarative element segment). */
  public void declare(int... functions) {
    for (int f : functions) {
      declared.add(f);
    }
  }

  /** Adds a function type; returns its index. */
  public int type(byte[] params, byte[] results) {
    Bytes b = new Bytes().u8(0x60).u32(params.length).raw(params).u32(results.length).raw(results);
    types.add(b.toArray());
    return types.size() - 1;
  }

  /** Adds a function with the given declared locals (one type code each); returns its index. */
  public int function(int type, byte[] locals, Code body) {
    Bytes b = new Bytes();
    // run-length encode the locals, as the binary format wants
    List<int[]> runs = new ArrayList<>();
    for (byte l : locals) {
      if (!runs.isEmpty() && runs.get(runs.size() - 1)[1] == l) {
        runs.get(runs.size() - 1)[0]++;
      } else {
        runs.add(new int[] {1, l});
      }
    }
    b.u32(runs.size());
    for (int[] r : runs) {
      b.u32(r[0]).u8(r[1]);
    }
    b.raw(body.endBody().toArray());
    byte[] content = b.toArray();
    bodies.add(new Bytes().u32(content.length).raw(content).toArray());
    functionTypes.add(type);
    return importedFunctions + functionTypes.size() - 1;
  }

  /** Imports a function (before any function is defined); returns its index. */
  public int importFunction(String module, String name, int type) {
    imports.add(new Bytes().name(module).name(name).u8(0x00).u32(type).toArray());
    return importedFunctions++;
  }

  /** Imports an exception tag (before any tag is defined); returns its index. */
  public int importTag(String module, String name, int type) {
    imports.add(new Bytes().name(module).name(name).u8(0x04).u8(0x00).u32(type).toArray());
    return importedTags++;
  }

  /** Defines an exception tag of {@code type} (a function type without results). */
  public int tag(int type) {
    tags.add(new Bytes().u8(0x00).u32(type).toArray());
    return importedTags + tags.size() - 1;
  }

  /** Exports memory 0 as {@code name}. */
  public void exportMemory(String name) {
    exports.add(new Bytes().name(name).u8(0x02).u32(0).toArray());
  }

  public void exportTag(String name, int tag) {
    exports.add(new Bytes().name(name).u8(0x04).u32(tag).toArray());
  }

  /** Adds a table of {@code elementType} with {@code size} elements; returns its index. */
  public int table(byte elementType, int size) {
    tables.add(new Bytes().u8(elementType).u8(0x00).u32(size).toArray());
    return tables.size() - 1;
  }

  /** Adds a mutable exnref global, initially null; returns its index. */
  public int globalExnref() {
    globals.add(new Bytes().u8(EXNREF).u8(1).u8(0xD0).u8(EXNREF).u8(0x0B).toArray());
    return globals.size() - 1;
  }

  public void export(String name, int function) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    exports.add(new Bytes().u32(n.length).raw(n).u8(0x00).u32(function).toArray());
  }

  /** Adds a mutable i32 global initialised to {@code value}; returns its index. */
  public int globalI32(int value) {
    globals.add(new Bytes().u8(I32).u8(1).u8(0x41).s64(value).u8(0x0B).toArray());
    return globals.size() - 1;
  }

  public void memory(int pages) {
    this.memoryPages = pages;
  }

  /** Makes the memory a 64-bit one (memory64) of {@code pages} pages. */
  public void memory64(int pages) {
    this.memoryPages = pages;
    this.memory64 = true;
  }

  public byte[] build() {
    Bytes out = new Bytes().raw(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
    section(out, 1, types);
    if (!imports.isEmpty()) {
      section(out, 2, imports);
    }
    List<byte[]> fs = new ArrayList<>();
    for (int t : functionTypes) {
      fs.add(new Bytes().u32(t).toArray());
    }
    section(out, 3, fs);
    if (!tables.isEmpty()) {
      section(out, 4, tables);
    }
    if (memoryPages >= 0) {
      section(out, 5, List.of(new Bytes().u8(memory64 ? 0x04 : 0x00).u32(memoryPages).toArray()));
    }
    if (!tags.isEmpty()) {
      section(out, 13, tags);
    }
    if (!globals.isEmpty()) {
      section(out, 6, globals);
    }
    section(out, 7, exports);
    if (!declared.isEmpty()) {
      Bytes segment = new Bytes().u8(0x03).u8(0x00).u32(declared.size());
      for (int f : declared) {
        segment.u32(f);
      }
      section(out, 9, List.of(segment.toArray()));
    }
    section(out, 10, bodies);
    return out.toArray();
  }

  private static void section(Bytes out, int id, List<byte[]> entries) {
    Bytes content = new Bytes().u32(entries.size());
    for (byte[] e : entries) {
      content.raw(e);
    }
    byte[] c = content.toArray();
    out.u8(id).u32(c.length).raw(c);
  }

  /** A function body under construction: instructions as bytes, with LEB128 immediates. */
  public static final class Code {
    private final Bytes bytes = new Bytes();

    public Code op(int opcode) {
      bytes.u8(opcode);
      return this;
    }

    public Code localGet(int i) {
      bytes.u8(0x20).u32(i);
      return this;
    }

    public Code localSet(int i) {
      bytes.u8(0x21).u32(i);
      return this;
    }

    public Code localTee(int i) {
      bytes.u8(0x22).u32(i);
      return this;
    }

    public Code i32Const(int v) {
      bytes.u8(0x41).s64(v);
      return this;
    }

    public Code i64Const(long v) {
      bytes.u8(0x42).s64(v);
      return this;
    }

    /** {@code block}, {@code loop} or {@code if} with a value-type result (or 0x40 for none). */
    public Code begin(int opcode, int blockType) {
      bytes.u8(opcode).u8(blockType);
      return this;
    }

    public Code end() {
      bytes.u8(0x0B);
      return this;
    }

    public Code br(int depth) {
      bytes.u8(0x0C).u32(depth);
      return this;
    }

    public Code brIf(int depth) {
      bytes.u8(0x0D).u32(depth);
      return this;
    }

    public Code brTable(int[] depths, int defaultDepth) {
      bytes.u8(0x0E).u32(depths.length);
      for (int d : depths) {
        bytes.u32(d);
      }
      bytes.u32(defaultDepth);
      return this;
    }

    public Code globalGet(int g) {
      bytes.u8(0x23).u32(g);
      return this;
    }

    public Code globalSet(int g) {
      bytes.u8(0x24).u32(g);
      return this;
    }

    /** An instruction with one unsigned LEB128 immediate (an index or a label depth). */
    public Code op(int opcode, long immediate) {
      bytes.u8(opcode).u32(immediate);
      return this;
    }

    public Code call(int function) {
      bytes.u8(0x10).u32(function);
      return this;
    }

    /** A memory access ({@code i32.load} and the like) with alignment and offset. */
    public Code memory(int opcode, int align, int offset) {
      bytes.u8(opcode).u32(align).u32(offset);
      return this;
    }

    /**
     * A memarg: the alignment, then the offset (a u64 for a 64-bit memory) as an LEB128 of at least
     * {@code length} bytes, padded with continuation bytes.
     */
    public Code memarg(int align, long offset, int length) {
      bytes.u32(align);
      for (int i = 0; ; i++) {
        int b = (int) (offset & 0x7F);
        offset >>>= 7;
        if (offset == 0 && i >= length - 1) {
          bytes.u8(b);
          return this;
        }
        bytes.u8(b | 0x80);
      }
    }

    /** {@code throw tag}. */
    public Code throwTag(int tag) {
      bytes.u8(0x08).u32(tag);
      return this;
    }

    public Code throwRef() {
      bytes.u8(0x0A);
      return this;
    }

    /**
     * {@code try_table} with a value-type block type (or {@link #VOID}), or a type index below
     * 0x40; clauses from {@link #catchTag}, {@link #catchRef}, {@link #catchAll}, {@link
     * #catchAllRef}.
     */
    public Code tryTable(int blockType, int[]... clauses) {
      bytes.u8(0x1F);
      if (blockType >= 0x40) {
        bytes.u8(blockType);
      } else {
        bytes.s64(blockType);
      }
      bytes.u32(clauses.length);
      for (int[] c : clauses) {
        bytes.u8(c[0]);
        if (c[0] < 2) {
          bytes.u32(c[1]);
        }
        bytes.u32(c[2]);
      }
      return this;
    }

    public static int[] catchTag(int tag, int label) {
      return new int[] {0, tag, label};
    }

    public static int[] catchRef(int tag, int label) {
      return new int[] {1, tag, label};
    }

    public static int[] catchAll(int label) {
      return new int[] {2, 0, label};
    }

    public static int[] catchAllRef(int label) {
      return new int[] {3, 0, label};
    }

    /** {@code ref.null exn}. */
    public Code refNullExn() {
      bytes.u8(0xD0).u8(EXNREF);
      return this;
    }

    /** A block with a type-index block type (several results, or parameters). */
    public Code beginTyped(int opcode, int typeIndex) {
      bytes.u8(opcode).s64(typeIndex);
      return this;
    }

    /** {@code table.get} / {@code table.set}. */
    public Code table(int opcode, int table) {
      bytes.u8(opcode).u32(table);
      return this;
    }

    private Bytes endBody() {
      return bytes.u8(0x0B);
    }
  }

  /** A growable byte buffer with the binary format's integer encodings. */
  static final class Bytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Bytes u8(int b) {
      out.write(b);
      return this;
    }

    Bytes u32(long v) {
      do {
        int b = (int) (v & 0x7F);
        v >>>= 7;
        out.write(v != 0 ? b | 0x80 : b);
      } while (v != 0);
      return this;
    }

    Bytes s64(long v) {
      while (true) {
        int b = (int) (v & 0x7F);
        v >>= 7;
        boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
        out.write(done ? b : b | 0x80);
        if (done) {
          return this;
        }
      }
    }

    Bytes name(String s) {
      byte[] n = s.getBytes(StandardCharsets.UTF_8);
      return u32(n.length).raw(n);
    }

    Bytes raw(byte[] b) {
      out.writeBytes(b);
      return this;
    }

    byte[] toArray() {
      return out.toByteArray();
    }
  }
}
