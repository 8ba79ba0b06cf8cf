package dev.flarec.compiler.decode;

import dev.flarec.compiler.CompileException;
import dev.flarec.compiler.InvalidModuleException;
import dev.flarec.compiler.MalformedModuleException;
import run.endive.wasm.InvalidException;
import run.endive.wasm.MalformedException;
import run.endive.wasm.Parser;
import run.endive.wasm.WasmModule;

/**
 * Decodes and validates a binary module with the Chicory (Endive) parser, and sorts its failures
 * into our phases: malformed (the bytes are not a module) or invalid (the module is ill-typed).
 * See docs/RATIONALE.md#why-endives-parser.
 */
public final class ModuleDecoder {
  private static final byte[] MAGIC = {0x00, 0x61, 0x73, 0x6D};

  private ModuleDecoder() {}

  /** Imported functions come first in the function index space; count them for messages. */
  private static int importedFunctions(byte[] bytes) {
    try {
      WasmModule m = Parser.builder().withValidation(false).build().parse(() -> new java.io.ByteArrayInputStream(bytes));
      return m.importSection().count(run.endive.wasm.types.ExternalType.FUNCTION);
    } catch (RuntimeException e) {
      return 0;
    }
  }

  public static WasmModule decode(byte[] bytes) {
    if (bytes.length < 8) {
      throw new MalformedModuleException(
          bytes.length < 4 ? "unexpected end (not a WebAssembly module: shorter than its header)" : "unexpected end of the module header",
          CompileException.UNKNOWN, bytes.length, null);
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes[i] != MAGIC[i]) {
        throw new MalformedModuleException("magic header not detected (not a WebAssembly binary)", CompileException.UNKNOWN, 0, null);
      }
    }
    if (bytes[4] != 1 || bytes[5] != 0 || bytes[6] != 0 || bytes[7] != 0) {
      throw new MalformedModuleException("unknown binary version", CompileException.UNKNOWN, 4, null);
    }
    try {
      return Parser.parse(bytes);
    } catch (InvalidException e) {
      InvalidFunctionLocator.Location where = InvalidFunctionLocator.locate(bytes);
      if (where == null) {
        throw new InvalidModuleException(e.getMessage(), CompileException.UNKNOWN, CompileException.UNKNOWN, e);
      }
      int function = importedFunctions(bytes) + where.definedIndex();
      throw new InvalidModuleException(e.getMessage(), function, where.byteOffset(), e);
    } catch (MalformedException e) {
      throw new MalformedModuleException(e.getMessage(), CompileException.UNKNOWN, CompileException.UNKNOWN, e);
    } catch (RuntimeException e) {
      // The parser signals some truncations and bad encodings with plain runtime exceptions.
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new MalformedModuleException(why, CompileException.UNKNOWN, CompileException.UNKNOWN, e);
    }
  }
}
