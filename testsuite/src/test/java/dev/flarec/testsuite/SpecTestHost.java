package dev.flarec.testsuite;

import dev.flarec.runtime.global.Global;
import dev.flarec.runtime.instance.FunctionRef;
import dev.flarec.runtime.instance.Imports;
import dev.flarec.runtime.memory.Memory;
import dev.flarec.runtime.table.Table;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.Limits;
import dev.flarec.runtime.types.ValueType;
import java.lang.invoke.MethodHandles;
import java.util.List;

/**
 * The {@code spectest} host module that the spec scripts import from: print functions, four
 * immutable globals, a table and a memory, as the reference interpreter defines them.
 *
 * <p>A new one is made for each script, as the reference interpreter does per run: its memory and
 * table are state that modules of one script share (and may grow or write), and which must not leak
 * into the next script.
 *
 * <p>The print functions do nothing. The scripts call them only to check that calls to imported
 * functions work; nothing compares their output.
 */
final class SpecTestHost {
  static final String MODULE = "spectest";

  private SpecTestHost() {}

  /** A fresh {@code spectest} module, as imports. */
  static Imports create() {
    Imports.Builder b = Imports.builder();
    function(b, "print");
    function(b, "print_i32", ValueType.I32);
    function(b, "print_i64", ValueType.I64);
    function(b, "print_f32", ValueType.F32);
    function(b, "print_f64", ValueType.F64);
    function(b, "print_i32_f32", ValueType.I32, ValueType.F32);
    function(b, "print_f64_f64", ValueType.F64, ValueType.F64);
    b.global(MODULE, "global_i32", Global.of(ValueType.I32, false, 666));
    b.global(MODULE, "global_i64", Global.of(ValueType.I64, false, 666L));
    b.global(MODULE, "global_f32", Global.of(ValueType.F32, false, 666.6f));
    b.global(MODULE, "global_f64", Global.of(ValueType.F64, false, 666.6));
    b.table(MODULE, "table", new Table(ValueType.FUNCREF, new Limits(10, 20)));
    b.table(MODULE, "table64", new Table(ValueType.FUNCREF, new Limits(10, 20), true));
    b.memory(MODULE, "memory", new Memory(new Limits(1, 2)));
    return b.build();
  }

  private static void function(Imports.Builder b, String name, ValueType... params) {
    FunctionType type = FunctionType.of(List.of(params), List.of());
    b.function(
        MODULE,
        name,
        FunctionRef.of(type, MethodHandles.empty(type.methodType()), MODULE + "." + name));
  }
}
