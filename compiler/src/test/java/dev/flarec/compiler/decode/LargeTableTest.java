package dev.flarec.compiler.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.trap.WasmTrap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A table of up to 2^32-1 elements is valid: the module compiles, and only creating the table
 * fails, cleanly, at flarec's table limit. The parser refuses such a minimum without a maximum, so
 * the decoder hands it a lowered one.
 */
class LargeTableTest {
  /** {@code (table <min> funcref)}, or with a maximum of 2^32-1, the minimum as 5-byte LEB128. */
  private static byte[] module(boolean withMax) {
    byte[] min = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
    byte[] section =
        withMax
            ? new byte[] {
              4, 13, 1, 0x70, 1, min[0], min[1], min[2], min[3], min[4], min[0], min[1], min[2],
              min[3], min[4]
            }
            : new byte[] {4, 8, 1, 0x70, 0, min[0], min[1], min[2], min[3], min[4]};
    byte[] wasm = new byte[8 + section.length];
    System.arraycopy(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, 0, wasm, 0, 8);
    System.arraycopy(section, 0, wasm, 8, section.length);
    return wasm;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void compilesAndOnlyInstantiatingFails(boolean withMax) {
    CompiledModule compiled = Flarec.compile(module(withMax), CompileOptions.defaults());
    assertEquals(1, compiled.descriptor().tables().size());
    assertTrue(compiled.descriptor().tables().get(0).limits().min() > 10_000_000L);
    WasmTrap trap = assertThrows(WasmTrap.class, () -> compiled.load().instantiate());
    assertTrue(trap.getMessage().contains("flarec's limit"), trap.getMessage());
  }
}
