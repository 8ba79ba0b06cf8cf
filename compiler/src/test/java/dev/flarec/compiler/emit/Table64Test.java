package dev.flarec.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.instance.Imports;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.LinkException;
import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.table.Table;
import dev.flarec.runtime.types.Limits;
import dev.flarec.runtime.types.ValueType;
import org.junit.jupiter.api.Test;

/**
 * Tables with i64 indices (table64), in binary modules (wabt's text format does not know them):
 * sizes and growth are i64, and an imported table64 takes only a 64-bit table. The memory64 spec
 * scripts (table_*64, call_indirect64, table_copy_mixed) cover every instruction at both budgets.
 */
class Table64Test {
  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  @Test
  void sizeAndGrowOfA64BitTableAreI64() {
    // (table i64 3 funcref) (func (export "grow") (result i64)
    //   (table.grow 0 (ref.null func) (i64.const 2)))
    Module module =
        Flarec.compile(
                bytes(
                    0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, // header
                    0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7E, // type () -> i64
                    0x03, 0x02, 0x01, 0x00, // one function
                    0x04, 0x04, 0x01, 0x70, 0x04, 0x03, // table funcref, i64, min 3
                    0x07, 0x08, 0x01, 0x04, 'g', 'r', 'o', 'w', 0x00, 0x00, // export
                    0x0A, 0x0B, 0x01, 0x09, 0x00, 0xD0, 0x70, 0x42, 0x02, 0xFC, 0x0F, 0x00, 0x0B))
            .load();
    Instance in = module.instantiate();
    assertEquals(3L, in.function("grow").call()[0]);
    assertEquals(5L, in.function("grow").call()[0]);
  }

  @Test
  void aTable64ImportTakesOnlyA64BitTable() {
    // (import "env" "t" (table i64 1 funcref)) (func (export "size") (result i64) (table.size 0))
    Module module =
        Flarec.compile(
                bytes(
                    0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, // header
                    0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7E, // type () -> i64
                    0x02, 0x0B, 0x01, 0x03, 'e', 'n', 'v', 0x01, 't', 0x01, 0x70, 0x04, 0x01, 0x03,
                    0x02, 0x01, 0x00, // one function
                    0x07, 0x08, 0x01, 0x04, 's', 'i', 'z', 'e', 0x00, 0x00, // export
                    0x0A, 0x07, 0x01, 0x05, 0x00, 0xFC, 0x10, 0x00, 0x0B))
            .load();
    Table wide = new Table(ValueType.FUNCREF, new Limits(3, 5), true);
    Instance in = module.instantiate(Imports.builder().table("env", "t", wide).build());
    assertEquals(3L, in.function("size").call()[0]);
    Table narrow = new Table(ValueType.FUNCREF, new Limits(3, 5));
    assertThrows(
        LinkException.class,
        () -> module.instantiate(Imports.builder().table("env", "t", narrow).build()));
  }
}
