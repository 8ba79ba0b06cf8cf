package dev.flarec.compiler.cli;

import dev.flarec.compiler.CompileException;
import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.launch.ExitStatus;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Compiles the module file a command names, turning what can be wrong with the file into a {@link
 * UserError} that says where: "no such file: x.wasm", "x.wasm: invalid module, function 3, at byte
 * offset 120 (0x78): type mismatch".
 */
final class ModuleInput {
  private ModuleInput() {}

  static CompiledModule compile(Path file, String className) {
    return compile(file, new CompileOptions(className));
  }

  static CompiledModule compile(Path file, CompileOptions options) {
    try {
      return Flarec.compile(file, options);
    } catch (CompileException e) {
      throw new UserError(ExitStatus.BAD_INPUT, file + ": " + e.describe(), e);
    } catch (UncheckedIOException e) {
      // Flarec's message already names the file: "no such file: x.wasm", "cannot read x.wasm: …"
      throw new UserError(ExitStatus.BAD_INPUT, e.getMessage(), e);
    }
  }

  /** The class name derived from the file's name. */
  static String defaultClassName(Path file) {
    Path name = file.getFileName();
    return ClassNames.fromFileName(name == null ? "" : name.toString());
  }
}
