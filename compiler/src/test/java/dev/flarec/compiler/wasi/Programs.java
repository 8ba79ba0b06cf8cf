package dev.flarec.compiler.wasi;

import dev.flarec.compiler.CompileOptions;
import dev.flarec.compiler.Flarec;
import dev.flarec.runtime.instance.Module;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The WASI test programs: C sources in {@code wasi/src/test/c/}, built by the {@code build.sh}
 * there into {@code wasi/src/test/resources/programs/}, where the committed {@code .wasm} files are
 * read from, so that no test needs clang.
 */
public final class Programs {
  private static final Map<String, Module> COMPILED = new ConcurrentHashMap<>();

  private Programs() {}

  /** The directory of the built programs. */
  public static Path directory() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      Path programs = d.resolve("wasi/src/test/resources/programs");
      if (Files.isDirectory(programs)) {
        return programs;
      }
    }
    throw new IllegalStateException("no wasi/src/test/resources/programs above " + dir);
  }

  /** The {@code .wasm} of program {@code name} ("cat"). */
  public static Path wasm(String name) {
    return directory().resolve(name + ".wasm");
  }

  /** Program {@code name}, compiled once per test run. */
  public static Module module(String name) {
    return COMPILED.computeIfAbsent(
        name,
        n -> {
          String className =
              "flarec.test." + n.substring(0, 1).toUpperCase(Locale.ROOT) + n.substring(1);
          return Flarec.compile(wasm(n), new CompileOptions(className)).load();
        });
  }
}
