package dev.flarec.compiler.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small WebAssembly binaries directly, for tests that need modules too large to write (or to
 * convert) as text: functions of hundreds of kilobytes, thousands of locals, deep nesting. Only
 * what those tests use: types (typed references too), functions with locals, exports, one memory,
 * declared function references.
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

  private final List<byte[]> types = new ArrayList<>();
  private final List<Integer> functionTypes = new ArrayList<>();
  private final List<byte[]> bodies = new ArrayList<>();
  private final List<byte[]> exports = new ArrayList<>();
  private final List<byte[]> globals = new ArrayList<>();
  private final List<Integer> declared = new ArrayList<>();
  private int memoryPages = -1;

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
    return functionTypes.size() - 1;
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

  public byte[] build() {
    Bytes out = new Bytes().raw(new byte[] {0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00});
    section(out, 1, types);
    List<byte[]> fs = new ArrayList<>();
    for (int t : functionTypes) {
      fs.add(new Bytes().u32(t).toArray());
    }
    section(out, 3, fs);
    if (memoryPages >= 0) {
      section(out, 5, List.of(new Bytes().u8(0x00).u32(memoryPages).toArray()));
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

    Bytes raw(byte[] b) {
      out.writeBytes(b);
      return this;
    }

    byte[] toArray() {
      return out.toByteArray();
    }
  }
}
