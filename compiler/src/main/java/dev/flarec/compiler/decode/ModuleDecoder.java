package dev.flarec.compiler.decode;

import dev.flarec.compiler.CompileException;
import dev.flarec.compiler.InvalidModuleException;
import dev.flarec.compiler.MalformedModuleException;
import java.io.ByteArrayInputStream;
import java.util.Map;
import run.endive.wasm.InvalidException;
import run.endive.wasm.Parser;
import run.endive.wasm.WasmModule;
import run.endive.wasm.types.CustomSection;
import run.endive.wasm.types.ExternalType;
import run.endive.wasm.types.NameCustomSection;

/**
 * Decodes and validates a binary module with the Chicory (Endive) parser, and sorts its failures
 * into our phases: malformed (the bytes are not a module) or invalid (the module is ill-typed). See
 * docs/RATIONALE.md#why-endives-parser.
 */
public final class ModuleDecoder {
  private static final byte[] MAGIC = {0x00, 0x61, 0x73, 0x6D};

  /**
   * Decodes without validating ({@link ParserValidation} validates afterwards), and reads the name
   * section leniently: the spec makes a malformed one no error (§7.4.1), so it is ignored.
   */
  private static final Parser PARSER =
      Parser.builder()
          .withValidation(false)
          .withCustomParsers(Map.of("name", ModuleDecoder::nameSection))
          .build();

  private ModuleDecoder() {}

  /**
   * A memory's or table's type as the binary declares it: 64-bit (memory64, table64) or not, limits
   * in pages or elements, {@code max} -1 when there is none.
   */
  public record MemoryType(boolean is64, long min, long max) {}

  /**
   * The types of the memories of {@code bytes}, a module {@link #decode} accepted, imported ones
   * first: the parser's own module does not know 64-bit memories.
   */
  public static java.util.List<MemoryType> memoryTypes(byte[] bytes) {
    return ParserInput.of(bytes).memories();
  }

  /** The types of the tables of {@code bytes} (limits in elements), as {@link #memoryTypes}. */
  public static java.util.List<MemoryType> tableTypes(byte[] bytes) {
    return ParserInput.of(bytes).tables();
  }

  private static CustomSection nameSection(byte[] content) {
    try {
      return NameCustomSection.parse(content);
    } catch (RuntimeException e) {
      return NameCustomSection.parse(new byte[0]);
    }
  }

  /**
   * The parser rejected a module {@link ModuleChecker} accepted: one of the two is wrong, and the
   * fuzzers (docs/fuzzing.md) exist to find out which. Still a clean error, never an internal one.
   */
  private static MalformedModuleException parserDisagrees(RuntimeException e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new MalformedModuleException(
        why + " (reported by the parser)",
        null,
        CompileException.UNKNOWN,
        CompileException.UNKNOWN,
        e);
  }

  /**
   * Decodes and validates {@code bytes}: every error is a {@link CompileException} that says where,
   * in the section, function and byte offset in which it was found.
   */
  public static WasmModule decode(byte[] bytes) {
    return decodeWithSites(bytes).wasm();
  }

  /**
   * A decoded module, and where it uses instructions the parser does not know or reads otherwise:
   * relaxed SIMD, and memory64 offsets beyond a {@code u32}.
   */
  public record Decoded(
      WasmModule wasm, RelaxedSimdSites relaxedSimd, Memory64Offsets memory64Offsets) {}

  /**
   * Like {@link #decode}, also saying where relaxed SIMD instructions and wide memory64 offsets
   * are.
   */
  public static Decoded decodeWithSites(byte[] bytes) {
    if (bytes.length < 8) {
      throw new MalformedModuleException(
          bytes.length < 4
              ? "unexpected end (not a WebAssembly module: shorter than its header)"
              : "unexpected end of the module header",
          CompileException.UNKNOWN,
          bytes.length,
          null);
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes[i] != MAGIC[i]) {
        throw new MalformedModuleException(
            "magic header not detected (not a WebAssembly binary)",
            CompileException.UNKNOWN,
            0,
            null);
      }
    }
    if (bytes[4] != 1 || bytes[5] != 0 || bytes[6] != 0 || bytes[7] != 0) {
      throw new MalformedModuleException(
          "unknown binary version", CompileException.UNKNOWN, 4, null);
    }
    ModuleShape shape = ModuleChecker.check(bytes);
    RelaxedSimdSites relaxed = new RelaxedSimdSites(shape.relaxedSimd);
    // What the parser reads: the module with each oversized table minimum lowered, each memory64
    // offset beyond a u32 written as one (and nops), each relaxed SIMD instruction swapped for a
    // 2.0 carrier, and 64-bit memories and tables written as 32-bit ones; every rewrite keeps the
    // length of what it replaces, so offsets stay the module's.
    byte[] forParser = ModuleChecker.forParser(bytes, shape);
    if (!relaxed.subopcodes().isEmpty()) {
      forParser = relaxed.withCarriers(forParser);
    }
    ParserInput input = ParserInput.of(forParser);
    byte[] parsed = input.bytes();
    WasmModule module;
    try {
      module = PARSER.parse(() -> new ByteArrayInputStream(parsed));
    } catch (RuntimeException e) {
      throw parserDisagrees(e);
    }
    validate(input.lowered() ? parseForValidation(input, shape) : module);
    UnsupportedFeatures.checkDecoded(module, shape.importedFunctions);
    return new Decoded(module, relaxed, memory64Offsets(shape));
  }

  private static Memory64Offsets memory64Offsets(ModuleShape shape) {
    if (shape.wideOffsets.isEmpty()) {
      return Memory64Offsets.NONE;
    }
    Map<Integer, Long> offsets = new java.util.HashMap<>();
    for (Memory64Offsets.Site site : shape.wideOffsets) {
      offsets.put(site.instruction(), site.value());
    }
    return new Memory64Offsets(offsets);
  }

  /** The module the validator checks in place of one with 64-bit memories (see ParserInput). */
  private static WasmModule parseForValidation(ParserInput input, ModuleShape shape) {
    byte[] bytes = input.bytesForValidation(shape);
    try {
      return PARSER.parse(() -> new ByteArrayInputStream(bytes));
    } catch (RuntimeException e) {
      throw parserDisagrees(e);
    }
  }

  private static void validate(WasmModule module) {
    try {
      ParserValidation.validate(module);
    } catch (InvalidException e) {
      InvalidFunctionLocator.Location where = InvalidFunctionLocator.locate(module);
      if (where == null) {
        throw new InvalidModuleException(
            e.getMessage(), null, CompileException.UNKNOWN, CompileException.UNKNOWN, e);
      }
      int function = module.importSection().count(ExternalType.FUNCTION) + where.definedIndex();
      throw new InvalidModuleException(e.getMessage(), "code", function, where.byteOffset(), e);
    } catch (RuntimeException e) {
      // the validator fails with internal exceptions on some inputs; ModuleChecker passed, so
      // the problem is in a function body's types
      InvalidFunctionLocator.Location where = InvalidFunctionLocator.locate(module);
      String why = "type mismatch (the validator failed: " + e.getClass().getSimpleName() + ")";
      if (where == null) {
        throw new InvalidModuleException(
            why, null, CompileException.UNKNOWN, CompileException.UNKNOWN, e);
      }
      throw new InvalidModuleException(
          why,
          "code",
          module.importSection().count(ExternalType.FUNCTION) + where.definedIndex(),
          where.byteOffset(),
          e);
    }
  }
}
