package dev.flarec.benchmarks.engine;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.instance.Imports;
import dev.flarec.runtime.instance.Instance;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;

/** A kernel compiled by flarec, called through its exact-typed export handle. */
final class FlarecRunner implements KernelRunner {
  private static final MethodType RUN_TYPE = MethodType.methodType(long.class, int.class);

  private final MethodHandle run;

  private FlarecRunner(MethodHandle run) {
    this.run = run;
  }

  static KernelRunner load(byte[] wasm, CompileOptions options) {
    Instance instance = Flarec.compile(wasm, options).load().instantiate(Imports.empty());
    MethodHandle run = instance.function("run").handle();
    if (!run.type().equals(RUN_TYPE)) {
      throw new IllegalArgumentException("run has type " + run.type() + ", expected " + RUN_TYPE);
    }
    return new FlarecRunner(run);
  }

  @Override
  public long run(int n) {
    try {
      return (long) run.invokeExact(n);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }
}
