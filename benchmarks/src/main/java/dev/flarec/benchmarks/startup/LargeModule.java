package dev.flarec.benchmarks.startup;

/**
 * Generates a large, valid module for the compile-cost measurement: {@code functions} functions of
 * type (i32, i32) -> i32, each about 240 bytes of code of the kinds compilers emit (integer
 * arithmetic, a counted loop, loads and stores, a guarded call to an earlier function), every 50th
 * exported and the last exported as {@code run}. Generated rather than committed: 6,000 functions
 * are over 1 MB, and the generator keeps the test reproducible without clang.
 */
public final class LargeModule {
  private static final int I32 = 0x7f;

  private LargeModule() {}

  /** The module's bytes. */
  public static byte[] generate(int functions) {
    WasmWriter module = new WasmWriter().bytes(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
    module.section(1, new WasmWriter().u32(1).bytes(0x60).u32(2).bytes(I32, I32).u32(1).bytes(I32));
    WasmWriter funcs = new WasmWriter().u32(functions);
    for (int i = 0; i < functions; i++) {
      funcs.u32(0);
    }
    module.section(3, funcs);
    module.section(5, new WasmWriter().u32(1).bytes(0x00).u32(1)); // memory 1 page
    int exported = (functions + 49) / 50;
    WasmWriter exports = new WasmWriter().u32(exported + 1);
    for (int i = 0; i < functions; i += 50) {
      exports.name("f" + i).bytes(0x00).u32(i);
    }
    exports.name("run").bytes(0x00).u32(functions - 1);
    module.section(7, exports);
    WasmWriter code = new WasmWriter().u32(functions);
    for (int i = 0; i < functions; i++) {
      byte[] body = body(i).toByteArray();
      code.u32(body.length).bytes(body);
    }
    module.section(10, code);
    return module.toByteArray();
  }

  /** Size of the code section of {@link #generate}'s module, in bytes. */
  public static int codeBytes(byte[] module) {
    // sections are id, size; the code section (10) is last
    int at = 8;
    while (at < module.length) {
      int id = module[at++];
      long size = 0;
      int shift = 0;
      int b;
      do {
        b = module[at++] & 0xff;
        size |= (long) (b & 0x7f) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      if (id == 10) {
        return (int) size;
      }
      at += (int) size;
    }
    return 0;
  }

  /** Locals: 0, 1 parameters; 2 accumulator; 3 loop counter. */
  private static WasmWriter body(int index) {
    WasmWriter w = new WasmWriter().u32(1).u32(2).bytes(I32);
    w.bytes(0x20, 0).bytes(0x41).s32(index * 7 + 1).bytes(0x6a, 0x21, 2); // acc = p0 + c
    for (int block = 0; block < 4; block++) {
      int c = index * 31 + block * 17 + 3;
      // loop: acc = acc * c ^ p1; counter++ < c % 13 + 2
      w.bytes(0x41, 0, 0x21, 3);
      w.bytes(0x03, 0x40);
      w.bytes(0x20, 2).bytes(0x41).s32(c | 1).bytes(0x6c).bytes(0x20, 1).bytes(0x73).bytes(0x21, 2);
      w.bytes(0x20, 3)
          .bytes(0x41, 1, 0x6a, 0x22, 3)
          .bytes(0x41)
          .s32(c % 13 + 2)
          .bytes(0x49, 0x0d, 0);
      w.bytes(0x0b);
      // acc += load(acc & 1023 + offset)
      w.bytes(0x20, 2).bytes(0x41).s32(1023).bytes(0x71);
      w.bytes(0x28, 2).u32(block * 4L).bytes(0x20, 2, 0x6a, 0x21, 2);
      // store(acc & 4095 + offset) = p1 ^ c
      w.bytes(0x20, 2)
          .bytes(0x41)
          .s32(4095)
          .bytes(0x71)
          .bytes(0x20, 1)
          .bytes(0x41)
          .s32(c)
          .bytes(0x73);
      w.bytes(0x36, 2).u32(block * 8L);
      // if ((unsigned) acc < c % 97) acc = call earlier(acc, p1): next to never taken, but compiled
      if (index > 0) {
        w.bytes(0x20, 2).bytes(0x41).s32(c % 97).bytes(0x49).bytes(0x04, 0x40);
        w.bytes(0x20, 2, 0x20, 1).bytes(0x10).u32(index - 1 - (block % Math.min(index, 5)));
        w.bytes(0x21, 2).bytes(0x0b);
      }
      // acc = (acc rotl 5) - c
      w.bytes(0x20, 2).bytes(0x41, 5, 0x77).bytes(0x41).s32(c).bytes(0x6b, 0x21, 2);
    }
    w.bytes(0x20, 2).bytes(0x0b);
    return w;
  }
}
