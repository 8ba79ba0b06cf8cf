package dev.flarec.testsuite.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the fuzzers work and how long they run. The build runs a short seeded run of each; the long
 * run is the same tests with larger counts (docs/fuzzing.md): {@code -Dflarec.fuzz.seed}, {@code
 * -Dflarec.fuzz.mutants}, {@code -Dflarec.fuzz.modules}.
 */
final class FuzzSettings {
  private FuzzSettings() {}

  static long seed() {
    return Long.getLong("flarec.fuzz.seed", 20261203L);
  }

  static int mutants() {
    return Integer.getInteger("flarec.fuzz.mutants", 3000);
  }

  static int modules() {
    return Integer.getInteger("flarec.fuzz.modules", 60);
  }

  /** The repository's root: the nearest folder up from here with a pom.xml and a testsuite/. */
  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("testsuite"))) {
        return d;
      }
    }
    throw new IllegalStateException("no repository root above " + dir);
  }

  /** One of the fuzzers' node scripts. */
  static Path script(String name) {
    return repositoryRoot().resolve("testsuite/src/test/resources/fuzz").resolve(name);
  }

  /** A clean working folder under testsuite/target/fuzz/. */
  static Path workDir(String name) {
    Path dir =
        repositoryRoot().resolve("testsuite").resolve("target").resolve("fuzz").resolve(name);
    try {
      if (Files.isDirectory(dir)) {
        try (var files = Files.list(dir)) {
          for (Path f : files.toList()) {
            Files.delete(f);
          }
        }
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /** Writes a run's totals where docs/fuzzing.md says to look for them. */
  static void writeTotals(String name, String text) {
    Path file =
        repositoryRoot()
            .resolve("testsuite")
            .resolve("target")
            .resolve("fuzz")
            .resolve(name + "-totals.txt");
    try {
      Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
