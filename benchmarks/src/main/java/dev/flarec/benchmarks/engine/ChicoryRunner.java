package dev.flarec.benchmarks.engine;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ExportFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;

/**
 * A kernel on Chicory 1.7.5: its interpreter, or its compiler (Wasm to JVM bytecode at
 * instantiation). Arguments and results travel as {@code long[]}, Chicory's calling convention.
 */
final class ChicoryRunner implements KernelRunner {
  private final ExportFunction run;

  private ChicoryRunner(ExportFunction run) {
    this.run = run;
  }

  static KernelRunner interpreted(byte[] wasm) {
    return new ChicoryRunner(Instance.builder(Parser.parse(wasm)).build().export("run"));
  }

  static KernelRunner compiled(byte[] wasm) {
    WasmModule module = Parser.parse(wasm);
    // WARN: a function Chicory cannot compile falls back to its interpreter, as for a user, and
    // says so on stderr (the JMH log), so a report never mistakes interpreted code for compiled
    Instance instance =
        Instance.builder(module)
            .withMachineFactory(
                MachineFactoryCompiler.builder(module)
                    .withInterpreterFallback(InterpreterFallback.WARN)
                    .compile())
            .build();
    return new ChicoryRunner(instance.export("run"));
  }

  @Override
  public long run(int n) {
    return run.apply(n)[0];
  }
}
