package dev.flarec.compiler.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's top directory, found from the test's working directory (a module's). */
final class RepositoryRoot {
  private RepositoryRoot() {}

  static Path find() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("examples"))
          && Files.isDirectory(d.resolve("compiler"))
          && Files.isRegularFile(d.resolve("pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException("no flarec checkout above " + dir);
  }
}
