package dev.flarec.compiler.wasi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.exception.WasmException;
import dev.flarec.wasi.Wasi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real program with exceptions: {@code src/test/c/exceptions/checked_div.c}, built here by
 * clang-19 with {@code -fwasm-exceptions}, throws its errors as Wasm exceptions from C. clang 19
 * catches only in the legacy form (not WebAssembly 3.0), and Debian's wasm32 libc++abi has no
 * exception support, so the program's two handler functions are placeholders whose bodies this test
 * replaces (the functions their export wrappers call) with {@code try_table} code written below
 * (catch, and catch_ref with a rethrow by throw_ref for records of another kind). The program's
 * output is checked at both method budgets.
 */
class ExceptionProgramTest {
  private static final String EXPECTED =
      "100 / 5 = 20\n"
          + "  inner handler: 7 divided by zero, using 0\n"
          + "7 / 0 = 0\n"
          + "-9 / 3: outer handler: error 2 (value -9)\n"
          + "81 / 9 = 9\n"
          + "total 29\n";

  private static byte[] built;

  @BeforeAll
  static void build(@TempDir Path dir) throws IOException, InterruptedException {
    Path source = Path.of("src/test/c/exceptions/checked_div.c").toAbsolutePath();
    Path wasm = dir.resolve("checked_div.wasm");
    Process clang;
    try {
      clang =
          new ProcessBuilder(
                  "clang-19",
                  "--target=wasm32-wasi",
                  "-O2",
                  "-fwasm-exceptions",
                  source.toString(),
                  "-o",
                  wasm.toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      throw new AssertionError(
          "clang-19 is needed to build the test program (Debian: clang-19 lld-19 wasi-libc"
              + " libclang-rt-19-dev-wasm32)",
          e);
    }
    String log = new String(clang.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(clang.waitFor(120, TimeUnit.SECONDS), "clang-19 did not finish");
    assertEquals(0, clang.exitValue(), "clang-19 failed:\n" + log);
    built = Files.readAllBytes(wasm);
  }

  private static String run(byte[] module, int budget) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    var compiled =
        Flarec.compile(module, CompileOptions.defaults().withMethodBudget(budget)).load();
    try (Wasi wasi =
        Wasi.builder().args(List.of("checked_div")).stdout(stdout).stderr(System.err).build()) {
      assertEquals(0, wasi.run(compiled));
    }
    return stdout.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(ints = {8000, 300})
  void theHandlersCatchAndRethrowWhatCThrows(int budget) {
    assertEquals(EXPECTED, run(HandlerPatch.apply(built), budget));
  }

  /** Unpatched, the program has no handler: its first error leaves _start for the host. */
  @Test
  void withoutHandlersTheExceptionReachesTheHost() {
    WasmException e = assertThrows(WasmException.class, () -> run(built, 8000));
    assertEquals(1, e.tag().type().params().size());
    assertTrue(e.payload(0) instanceof Integer, "the payload is the error record's address");
  }

  /**
   * Rewrites the bodies of the exported placeholders {@code try_call} and {@code try_call_kind}.
   */
  static final class HandlerPatch {
    private final byte[] in;
    private int pos;

    private HandlerPatch(byte[] in) {
      this.in = in;
    }

    private int u32() {
      int result = 0;
      for (int shift = 0; ; shift += 7) {
        int b = in[pos++] & 0xFF;
        result |= (b & 0x7F) << shift;
        if (b < 0x80) {
          return result;
        }
      }
    }

    /** Skips a length-prefixed vector of bytes. */
    private void skipName() {
      int length = u32();
      pos += length;
    }

    private static void u32(ByteArrayOutputStream out, int v) {
      do {
        int b = v & 0x7F;
        v >>>= 7;
        out.write(v != 0 ? b | 0x80 : b);
      } while (v != 0);
    }

    private static byte[] bytes(int... values) {
      byte[] b = new byte[values.length];
      for (int i = 0; i < values.length; i++) {
        b[i] = (byte) values[i];
      }
      return b;
    }

    static byte[] apply(byte[] module) {
      return new HandlerPatch(module).patch();
    }

    private byte[] patch() {
      List<int[]> sections = new ArrayList<>(); // id, start of content, end
      pos = 8;
      while (pos < in.length) {
        int id = in[pos++];
        int size = u32();
        sections.add(new int[] {id, pos, pos + size});
        pos += size;
      }
      int binaryType = -1;
      int typeCount = 0;
      int importedFunctions = 0;
      int tryCall = -1;
      int tryCallKind = -1;
      for (int[] s : sections) {
        pos = s[1];
        if (s[0] == 1) {
          typeCount = u32();
          for (int t = 0; t < typeCount; t++) {
            pos++; // 0x60
            int params = u32();
            byte[] p = java.util.Arrays.copyOfRange(in, pos, pos + params);
            pos += params;
            int results = u32();
            byte[] r = java.util.Arrays.copyOfRange(in, pos, pos + results);
            pos += results;
            if (binaryType < 0
                && java.util.Arrays.equals(p, bytes(0x7F, 0x7F))
                && java.util.Arrays.equals(r, bytes(0x7F))) {
              binaryType = t;
            }
          }
        } else if (s[0] == 2) {
          int n = u32();
          for (int i = 0; i < n; i++) {
            skipName();
            skipName();
            int kind = in[pos++];
            switch (kind) {
              case 0 -> {
                u32();
                importedFunctions++;
              }
              case 1 -> {
                pos++;
                int flags = in[pos++];
                u32();
                if ((flags & 1) != 0) {
                  u32();
                }
              }
              case 2 -> {
                int flags = in[pos++];
                u32();
                if ((flags & 1) != 0) {
                  u32();
                }
              }
              case 3 -> pos += 2;
              default -> {
                pos++;
                u32();
              }
            }
          }
        } else if (s[0] == 7) {
          int n = u32();
          for (int i = 0; i < n; i++) {
            int length = u32();
            String name = new String(in, pos, length, StandardCharsets.UTF_8);
            pos += length;
            int kind = in[pos++];
            int index = u32();
            if (kind == 0 && name.equals("try_call")) {
              tryCall = index;
            } else if (kind == 0 && name.equals("try_call_kind")) {
              tryCallKind = index;
            }
          }
        }
      }
      assertTrue(binaryType >= 0 && tryCall >= 0 && tryCallKind >= 0, "placeholders not found");
      // wasm-ld exports a command's function through a wrapper that calls it: patch the callee
      for (int[] s : sections) {
        if (s[0] == 10) {
          tryCall = calledBy(s[1], tryCall - importedFunctions);
          tryCallKind = calledBy(s[1], tryCallKind - importedFunctions);
        }
      }
      int pairType = typeCount; // appended: [] -> [i32 exnref]

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(in, 0, 8);
      for (int[] s : sections) {
        byte[] content;
        if (s[0] == 1) {
          ByteArrayOutputStream types = new ByteArrayOutputStream();
          pos = s[1];
          u32(types, u32() + 1);
          types.write(in, pos, s[2] - pos);
          types.writeBytes(bytes(0x60, 0x00, 0x02, 0x7F, 0x69));
          content = types.toByteArray();
        } else if (s[0] == 10) {
          ByteArrayOutputStream code = new ByteArrayOutputStream();
          pos = s[1];
          int n = u32();
          u32(code, n);
          for (int i = 0; i < n; i++) {
            int size = u32();
            int function = importedFunctions + i;
            byte[] body =
                function == tryCall
                    ? tryCallBody(binaryType)
                    : function == tryCallKind
                        ? tryCallKindBody(binaryType, pairType)
                        : java.util.Arrays.copyOfRange(in, pos, pos + size);
            pos += size;
            u32(code, body.length);
            code.writeBytes(body);
          }
          content = code.toByteArray();
        } else {
          content = java.util.Arrays.copyOfRange(in, s[1], s[2]);
        }
        out.write(s[0]);
        u32(out, content.length);
        out.writeBytes(content);
      }
      return out.toByteArray();
    }

    /** The function that body {@code index} of the code section at {@code start} calls first. */
    private int calledBy(int start, int index) {
      pos = start;
      u32();
      for (int i = 0; i < index; i++) {
        skipName(); // a body is skipped like a name: its size, then its bytes
      }
      u32(); // body size
      int groups = u32();
      for (int g = 0; g < groups; g++) {
        u32();
        pos++;
      }
      while (true) {
        int op = in[pos++] & 0xFF;
        if (op == 0x10) {
          return u32();
        }
        assertEquals(0x20, op, "the export wrapper only passes its parameters on");
        u32();
      }
    }

    /**
     * {@code (param $f $a $b $caught i32) (result i32) (local $record i32)}: {@code *caught = 0};
     * {@code block (result i32) try_table (result i32) (catch $__cpp_exception 0) f(a, b) end
     * return end}; caught: {@code *caught = record; 0}.
     */
    private static byte[] tryCallBody(int binaryType) {
      return bytes(
          0x01,
          0x01,
          0x7F, // one i32 local
          0x20,
          3,
          0x41,
          0,
          0x36,
          2,
          0, // *caught = 0
          0x02,
          0x7F, // block (result i32)
          0x1F,
          0x7F,
          0x01,
          0x00,
          0x00,
          0x00, // try_table (result i32) (catch 0 0)
          0x20,
          1,
          0x20,
          2,
          0x20,
          0,
          0x11,
          binaryType,
          0, // f(a, b)
          0x0B,
          0x0F,
          0x0B, // end, return, end
          0x21,
          4,
          0x20,
          3,
          0x20,
          4,
          0x36,
          2,
          0, // *caught = record
          0x41,
          0,
          0x0B);
    }

    /**
     * As {@link #tryCallBody} with {@code catch_ref}: a record whose kind is not {@code $kind} is
     * rethrown with {@code throw_ref}, the very exception that was caught.
     */
    private static byte[] tryCallKindBody(int binaryType, int pairType) {
      return bytes(
          0x02,
          0x01,
          0x7F,
          0x01,
          0x69, // locals: $record i32, $exn exnref
          0x20,
          3,
          0x41,
          0,
          0x36,
          2,
          0, // *caught = 0
          0x02,
          pairType, // block (type [] -> [i32 exnref])
          0x1F,
          0x7F,
          0x01,
          0x01,
          0x00,
          0x00, // try_table (result i32) (catch_ref 0 0)
          0x20,
          1,
          0x20,
          2,
          0x20,
          0,
          0x11,
          binaryType,
          0, // f(a, b)
          0x0B,
          0x0F,
          0x0B, // end, return, end
          0x21,
          6,
          0x21,
          5, // $exn, $record
          0x20,
          5,
          0x28,
          2,
          0,
          0x20,
          4,
          0x47, // record->kind != kind
          0x04,
          0x40,
          0x20,
          6,
          0x0A,
          0x0B, // if: throw_ref $exn
          0x20,
          3,
          0x20,
          5,
          0x36,
          2,
          0, // *caught = record
          0x41,
          0,
          0x0B);
    }
  }
}
