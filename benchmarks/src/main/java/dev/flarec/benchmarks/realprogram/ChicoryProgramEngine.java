package dev.flarec.benchmarks.realprogram;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * Chicory 1.7.5's compiler (Wasm to JVM bytecode) with its own WASI. A function it cannot compile
 * falls back to its interpreter and says so on stderr, as it would for a user.
 */
final class ChicoryProgramEngine implements ProgramEngine {
  @Override
  public Prepared prepare(RealProgram program, CorpusCache cache) {
    WasmModule module = Parser.parse(cache.wasm(program));
    Function<Instance, Machine> machines =
        MachineFactoryCompiler.builder(module)
            .withInterpreterFallback(InterpreterFallback.WARN)
            .compile();
    return (p, stdin) -> {
      var stdout = new ByteArrayOutputStream();
      WasiOptions options =
          WasiOptions.builder()
              .withArguments(p.argv())
              .withStdin(new ByteArrayInputStream(stdin))
              .withStdout(stdout)
              .withStderr(OutputStream.nullOutputStream())
              .build();
      try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
        Instance instance =
            Instance.builder(module)
                .withImportValues(
                    ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
                .withMachineFactory(machines)
                .withStart(false)
                .build();
        int status;
        try {
          instance.export("_start").apply();
          status = 0;
        } catch (WasiExitException exit) {
          status = exit.exitCode();
        }
        return new ProgramOutput(status, stdout.toByteArray());
      }
    };
  }
}
