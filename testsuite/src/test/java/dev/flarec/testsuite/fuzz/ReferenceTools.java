package dev.flarec.testsuite.fuzz;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The reference tools the fuzzers compare flarec with, found on the {@code PATH}: wabt's {@code
 * wasm-validate}, binaryen's {@code wasm-opt} and {@code node}. A missing tool fails the fuzz test
 * with what to install (.ci/run installs them): a fuzzer that skips proves nothing.
 */
final class ReferenceTools {
  private ReferenceTools() {}

  /** The tool's path, or an AssertionError saying which package provides it. */
  static Path require(String tool, String debianPackage) {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir, tool);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    throw new AssertionError(
        "the fuzz tests need "
            + tool
            + " on the PATH (Debian: apt-get install -y "
            + debianPackage
            + ")");
  }

  /** Result of running a tool: its exit status and what it printed. */
  record Run(int status, String output) {}

  static Run run(List<String> command, long timeoutSeconds) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Run(-1, "timed out: " + command);
      }
      return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted running " + command, e);
    }
  }

  static List<String> command(Path tool, Object... args) {
    List<String> c = new ArrayList<>();
    c.add(tool.toString());
    for (Object a : args) {
      c.add(a.toString());
    }
    return c;
  }

  /** The WebAssembly 2.0 feature set, for binaryen's module generator (-ttf). */
  static final List<String> WASM_2_0_FEATURES =
      List.of(
          "--enable-bulk-memory",
          "--enable-multivalue",
          "--enable-nontrapping-float-to-int",
          "--enable-sign-ext",
          "--enable-mutable-globals");

  /** A random valid module from {@code seedBytes}, by binaryen's translate-to-fuzz mode. */
  static byte[] generateModule(Path wasmOpt, byte[] seedBytes, Path workDir, String name)
      throws IOException {
    Path seed = workDir.resolve(name + ".seed");
    Path out = workDir.resolve(name + ".wasm");
    Files.write(seed, seedBytes);
    List<String> c = command(wasmOpt, seed, "-ttf", "-o", out);
    c.addAll(WASM_2_0_FEATURES);
    Run r = run(c, 60);
    if (r.status() != 0) {
      throw new AssertionError("wasm-opt -ttf failed: " + r.output());
    }
    return Files.readAllBytes(out);
  }
}
