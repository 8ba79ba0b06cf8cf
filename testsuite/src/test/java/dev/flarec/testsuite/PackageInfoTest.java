package dev.flarec.testsuite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every production package says what it does and what it must not depend on, in a {@code
 * package-info.java} (docs/RATIONALE.md and the style notes rely on it).
 */
class PackageInfoTest {
  @Test
  void everyMainPackageHasAPackageInfo() throws IOException {
    Path root = SpecLocations.repositoryRoot();
    List<String> missing;
    try (Stream<Path> dirs = Files.walk(root)) {
      missing =
          dirs.filter(Files::isDirectory)
              .filter(
                  d ->
                      d.toString()
                          .contains(
                              "src"
                                  + java.io.File.separator
                                  + "main"
                                  + java.io.File.separator
                                  + "java"
                                  // not src/main/java24: the same packages' classes for Java 24
                                  + java.io.File.separator))
              .filter(
                  d ->
                      !d.toString()
                          .contains(java.io.File.separator + "target" + java.io.File.separator))
              .filter(PackageInfoTest::hasJavaSources)
              .filter(d -> !Files.exists(d.resolve("package-info.java")))
              .map(d -> root.relativize(d).toString())
              .sorted()
              .toList();
    }
    assertEquals(List.of(), missing, "packages without package-info.java");
  }

  private static boolean hasJavaSources(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(
          f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java"));
    } catch (IOException e) {
      return false;
    }
  }
}
