package dev.flarec.compiler.text;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wabt.Wat2WasmModule;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.WasmModule;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the WebAssembly text format to the binary format with wabt's {@code wat2wasm}
 * (compiled to JVM bytecode by Chicory). Chicory's own {@code Wat2Wasm.parse} discards what
 * wat2wasm prints on failure, so this runs the same module itself and keeps its standard error,
 * whose first line gives the position: {@code module.wat:4:5: error: unexpected token ...}.
 */
public final class WatTranslator {
  /** wat2wasm's diagnostic: {@code <file>:<line>:<column>: error: <message>}. */
  private static final Pattern DIAGNOSTIC =
      Pattern.compile("^.*?:(\\d+):(\\d+): error: (.*)$", Pattern.MULTILINE);

  private static final String INPUT_NAME = "module.wat";

  private WatTranslator() {}

  /**
   * The binary encoding of the module {@code text} describes.
   *
   * @throws TextFormatException if it is not well-formed, with wabt's first error and its line and
   *     column
   */
  public static byte[] toBinary(String text) {
    var wasm = new ByteArrayOutputStream();
    var diagnostics = new ByteArrayOutputStream();
    // wat2wasm reads a file: give it one in a file system of its own, in memory
    try (FileSystem fs =
        Jimfs.newFileSystem(Configuration.unix().toBuilder().setAttributeViews("unix").build())) {
      Path dir = Files.createDirectory(fs.getPath("work"));
      Files.writeString(dir.resolve(INPUT_NAME), text, StandardCharsets.UTF_8);
      WasiOptions options =
          WasiOptions.builder()
              .withStdout(wasm)
              .withStderr(diagnostics)
              .withDirectory(dir.toString(), dir)
              .withArguments(
                  List.of(
                      "wat2wasm",
                      dir.resolve(INPUT_NAME).toString(),
                      "--enable-multi-memory",
                      "--enable-memory64",
                      "--output=-"))
              .build();
      try (WasiPreview1 wasi = WasiPreview1.builder().withOptions(options).build()) {
        Instance.builder(Wat2Wasm.MODULE)
            .withMachineFactory(Wat2WasmModule::create)
            .withImportValues(ImportValues.builder().addFunction(wasi.toHostFunctions()).build())
            .build(); // runs wat2wasm's _start
      } catch (WasiExitException e) {
        if (e.exitCode() != 0) {
          throw failure(diagnostics.toString(StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return wasm.toByteArray();
  }

  static TextFormatException failure(String output) {
    // wat2wasm colours its diagnostics with terminal escapes
    String stderr = output.replaceAll("\u001b\\[[0-9;]*m", "");
    Matcher m = DIAGNOSTIC.matcher(stderr);
    if (m.find()) {
      return new TextFormatException(
          m.group(3).strip(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    String firstLine = stderr.strip().lines().findFirst().orElse("wat2wasm failed");
    return new TextFormatException(
        firstLine, TextFormatException.UNKNOWN, TextFormatException.UNKNOWN);
  }

  /**
   * Whether {@code bytes} look like text format rather than a binary module: after white space, a
   * parenthesis or a comment ({@code ;;} or {@code (;}), which no binary module starts with.
   */
  public static boolean looksLikeText(byte[] bytes) {
    for (byte b : bytes) {
      if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
        continue;
      }
      return b == '(' || b == ';';
    }
    return false;
  }

  /** wat2wasm's module, parsed once (half a megabyte of metadata) when first needed. */
  private static final class Wat2Wasm {
    static final WasmModule MODULE = Wat2WasmModule.load();
  }
}
