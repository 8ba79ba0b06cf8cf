package dev.flarec.compiler.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Text to binary with the installed {@code wat2wasm} (wabt), for Wasm 3.0 features the in-process
 * translator does not enable (tail calls). Fails, rather than skips, when the tool is missing: the
 * tests need wabt on the {@code PATH}, as the README says.
 */
public final class NativeWat {
  private NativeWat() {}

  public static byte[] toBinary(String wat, String... features) {
    try {
      Path dir = Files.createTempDirectory("flarec-wat");
      try {
        Path in = Files.writeString(dir.resolve("m.wat"), wat, StandardCharsets.UTF_8);
        Path out = dir.resolve("m.wasm");
        List<String> command = new ArrayList<>(List.of("wat2wasm", in.toString(), "-o"));
        command.add(out.toString());
        command.addAll(List.of(features));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
          throw new AssertionError("wat2wasm failed:\n" + output);
        }
        return Files.readAllBytes(out);
      } finally {
        try (var files = Files.list(dir)) {
          for (Path f : files.toList()) {
            Files.delete(f);
          }
        }
        Files.delete(dir);
      }
    } catch (IOException e) {
      throw new AssertionError("wat2wasm could not run (is wabt installed?)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
