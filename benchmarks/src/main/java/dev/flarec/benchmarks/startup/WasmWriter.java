package dev.flarec.benchmarks.startup;

import java.io.ByteArrayOutputStream;

/** Just enough of the Wasm binary format to write {@link LargeModule}: bytes and LEB128. */
final class WasmWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  WasmWriter bytes(int... values) {
    for (int v : values) {
      out.write(v);
    }
    return this;
  }

  WasmWriter bytes(byte[] values) {
    out.writeBytes(values);
    return this;
  }

  WasmWriter u32(long value) {
    do {
      int b = (int) (value & 0x7f);
      value >>>= 7;
      out.write(value != 0 ? b | 0x80 : b);
    } while (value != 0);
    return this;
  }

  WasmWriter s32(int value) {
    while (true) {
      int b = value & 0x7f;
      value >>= 7;
      boolean done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
      out.write(done ? b : b | 0x80);
      if (done) {
        return this;
      }
    }
  }

  WasmWriter name(String s) {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return u32(b.length).bytes(b);
  }

  /** Appends {@code content} as a section with its id and size. */
  WasmWriter section(int id, WasmWriter content) {
    byte[] b = content.toByteArray();
    return bytes(id).u32(b.length).bytes(b);
  }

  int size() {
    return out.size();
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }
}
