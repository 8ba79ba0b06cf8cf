package dev.flarec.testsuite.fuzz;

import dev.flarec.runtime.instance.ExportedFunction;
import dev.flarec.runtime.instance.FunctionRef;
import dev.flarec.runtime.instance.Imports;
import dev.flarec.runtime.instance.Instance;
import dev.flarec.runtime.instance.Module;
import dev.flarec.runtime.trap.WasmTrap;
import dev.flarec.runtime.types.FunctionType;
import dev.flarec.runtime.types.ValueType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What a module does under flarec, written as the reference (resources/fuzz/reference-run.mjs)
 * writes it: each exported function in name order, called with zero arguments, its calls of the
 * {@code fuzzing-support} log imports, then its results or {@code trap}. Any NaN prints as {@code
 * nan}: the spec leaves NaN payloads to the engine in most cases.
 */
final class Transcript {
  private static final long CALL_TIMEOUT_SECONDS = 20;

  private final List<String> lines = new ArrayList<>();

  static String of(Module module) {
    return new Transcript().run(module);
  }

  private String run(Module module) {
    Instance instance;
    try {
      instance = module.instantiate(imports());
    } catch (WasmTrap e) {
      lines.add("instantiation failed");
      return text();
    }
    var functions = new TreeMap<String, ExportedFunction>();
    for (var e : instance.exports().entrySet()) {
      if (e.getValue() instanceof FunctionRef) {
        functions.put(e.getKey(), instance.function(e.getKey()));
      }
    }
    ScheduledExecutorService watchdog =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "transcript watchdog");
              t.setDaemon(true);
              return t;
            });
    try {
      for (var e : functions.entrySet()) {
        lines.add("call " + e.getKey());
        FunctionType type = e.getValue().type();
        Object[] args = type.params().stream().map(Transcript::zero).toArray();
        ScheduledFuture<?> stop =
            watchdog.schedule(instance::interrupt, CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        try {
          Object[] results = e.getValue().call(args);
          if (results.length == 0) {
            lines.add("result none");
          }
          for (int i = 0; i < results.length; i++) {
            lines.add("result " + show(type.results().get(i), results[i]));
          }
        } catch (WasmTrap trap) {
          lines.add("trap");
        } finally {
          stop.cancel(false);
          instance.clearInterrupt();
        }
      }
    } finally {
      watchdog.shutdownNow();
    }
    return text();
  }

  private String text() {
    return String.join("\n", lines) + "\n";
  }

  private Imports imports() {
    return Imports.builder()
        .function("fuzzing-support", "log-i32", log(ValueType.I32, int.class))
        .function("fuzzing-support", "log-i64", log(ValueType.I64, long.class))
        .function("fuzzing-support", "log-f32", log(ValueType.F32, float.class))
        .function("fuzzing-support", "log-f64", log(ValueType.F64, double.class))
        .build();
  }

  private FunctionRef log(ValueType type, Class<?> jvm) {
    try {
      MethodHandle h =
          MethodHandles.lookup()
              .findVirtual(
                  Transcript.class,
                  "log",
                  MethodType.methodType(void.class, ValueType.class, Object.class))
              .bindTo(this)
              .bindTo(type)
              .asType(MethodType.methodType(void.class, jvm));
      return FunctionRef.of(FunctionType.of(List.of(type), List.of()), h);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unused") // called through the method handles of imports()
  private void log(ValueType type, Object value) {
    lines.add("log " + show(type, value));
  }

  private static Object zero(ValueType t) {
    return switch (t) {
      case I32 -> 0;
      case I64 -> 0L;
      case F32 -> 0f;
      case F64 -> 0d;
      default -> null;
    };
  }

  static String show(ValueType t, Object v) {
    return switch (t) {
      case I32 -> "i32 " + v;
      case I64 -> "i64 " + v;
      case F32 ->
          Float.isNaN((Float) v)
              ? "f32 nan"
              : "f32 0x" + Integer.toHexString(Float.floatToRawIntBits((Float) v));
      case F64 ->
          Double.isNaN((Double) v)
              ? "f64 nan"
              : "f64 0x" + Long.toHexString(Double.doubleToRawLongBits((Double) v));
      case FUNCREF -> "funcref" + (v == null ? " null" : " ref");
      case EXTERNREF -> "externref" + (v == null ? " null" : " ref");
      default -> t + " " + v;
    };
  }
}
