package dev.flarec.compiler;

import dev.flarec.compiler.decode.ModuleDecoder;
import dev.flarec.compiler.descriptor.DescriptorBuilder;
import dev.flarec.compiler.descriptor.ModuleKind;
import dev.flarec.compiler.emit.ClassEmitter;
import dev.flarec.compiler.text.WatTranslator;
import dev.flarec.runtime.descriptor.ModuleDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.objectweb.asm.MethodTooLargeException;
import run.endive.wasm.WasmModule;

/**
 * The compiler's entry point for Java programs: decode, validate, describe, emit.
 *
 * <pre>{@code
 * Module module = Flarec.compile(Path.of("add.wasm")).load();
 * Instance instance = module.instantiate();
 * IntBinaryOperator add = instance.function("add").as(IntBinaryOperator.class);
 * int three = add.applyAsInt(1, 2);
 * }</pre>
 */
public final class Flarec {
  private Flarec() {}

  /** Compiles a module from its binary encoding. */
  public static CompiledModule compile(byte[] wasm) {
    return compile(wasm, CompileOptions.defaults());
  }

  public static CompiledModule compile(byte[] wasm, CompileOptions options) {
    ModuleDecoder.Decoded decoded = ModuleDecoder.decodeWithSites(wasm);
    WasmModule module = decoded.wasm();
    ModuleDescriptor descriptor =
        DescriptorBuilder.build(
            module,
            options.className(),
            ModuleDecoder.memoryTypes(wasm),
            ModuleDecoder.tableTypes(wasm));
    // a flare's instances are reset to a snapshot before every request: track what changes
    // (docs/RATIONALE.md#why-flares-track-memory-writes)
    descriptor = descriptor.withTracksMemoryWrites(ModuleKind.isFlare(descriptor));
    // code that never grows memory keeps it exactly sized and leaves bounds to the JVM
    // (docs/RATIONALE.md#why-memory-grows-by-doubling)
    descriptor = descriptor.withChecksMemorySize(growsMemory(module));
    ClassEmitter.Output output;
    try {
      output =
          new ClassEmitter(
                  module,
                  descriptor,
                  options.methodBudget(),
                  decoded.relaxedSimd(),
                  decoded.memory64Offsets())
              .emit();
    } catch (MethodTooLargeException e) {
      throw new UnsupportedModuleException(
          "the JVM method for " + e.getMethodName() + " exceeds 64 KiB of bytecode",
          CompileException.UNKNOWN,
          CompileException.UNKNOWN,
          e);
    }
    return new CompiledModule(output.descriptor(), output.classes());
  }

  private static boolean growsMemory(WasmModule module) {
    for (int i = 0; i < module.codeSection().functionBodyCount(); i++) {
      for (var ins : module.codeSection().getFunctionBody(i).instructions()) {
        if (ins.opcode() == run.endive.wasm.types.OpCode.MEMORY_GROW) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Compiles a module written in the text format.
   *
   * @throws dev.flarec.compiler.text.TextFormatException if the text is not well-formed, with the
   *     line and column
   */
  public static CompiledModule compileText(String wat) {
    return compileText(wat, CompileOptions.defaults());
  }

  public static CompiledModule compileText(String wat, CompileOptions options) {
    return compile(WatTranslator.toBinary(wat), options);
  }

  /**
   * Compiles the module in {@code file}: the binary format, or the text format if the file's name
   * ends in {@code .wat} or its content starts like text (a parenthesis or a comment).
   */
  public static CompiledModule compile(Path file) {
    return compile(file, CompileOptions.defaults());
  }

  public static CompiledModule compile(Path file, CompileOptions options) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (isTextFile(file, bytes)) {
        return compileText(new String(bytes, StandardCharsets.UTF_8), options);
      }
      return compile(bytes, options);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("no such file: " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static boolean isTextFile(Path file, byte[] bytes) {
    Path name = file.getFileName();
    return (name != null && name.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".wat"))
        || WatTranslator.looksLikeText(bytes);
  }
}
