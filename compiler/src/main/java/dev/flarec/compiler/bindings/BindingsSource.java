package dev.flarec.compiler.bindings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The generated Java source of a module's bindings.
 *
 * @param className binary name of the class it declares
 * @param source the source text
 */
public record BindingsSource(String className, String source) {
  /** The file's path under a source root: {@code com/example/Add.java}. */
  public Path relativePath() {
    return Path.of(className.replace('.', '/') + ".java");
  }

  /** Writes the file under the source root {@code sourceRoot}, creating its package folders. */
  public Path writeTo(Path sourceRoot) throws IOException {
    Path file = sourceRoot.resolve(relativePath());
    Files.createDirectories(file.getParent());
    Files.writeString(file, source, StandardCharsets.UTF_8);
    return file;
  }
}
