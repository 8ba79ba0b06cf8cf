package dev.flarec.maven;

import dev.flarec.compiler.Flarec;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A file beside the build's outputs recording what one module's outputs were made from (a line of
 * inputs) and which files they are. Contents rather than timestamps decide, so that a checkout or a
 * copy that touches the module does not force a recompilation, and a changed option or compiler
 * does.
 */
final class BuildStamp {
  private final Path file;

  BuildStamp(Path file) {
    this.file = file;
  }

  boolean matches(String inputs) {
    try {
      if (!Files.isRegularFile(file)) {
        return false;
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.isEmpty() || !lines.get(0).equals(inputs)) {
        return false;
      }
      for (String output : lines.subList(1, lines.size())) {
        if (!Files.isRegularFile(Path.of(output))) {
          return false;
        }
      }
      return true;
    } catch (IOException e) {
      return false; // unreadable: compile again
    }
  }

  void record(String inputs, List<Path> outputs) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(inputs);
    outputs.forEach(p -> lines.add(p.toAbsolutePath().toString()));
    Files.createDirectories(file.getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /** Deletes the files the last build recorded, and the stamp. */
  void deleteOutputs() throws IOException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String output : lines.subList(Math.min(1, lines.size()), lines.size())) {
      Files.deleteIfExists(Path.of(output));
    }
    Files.delete(file);
  }

  static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The compiler's JAR (size and time), so that a rebuilt flarec compiles again. */
  static String compilerIdentity() {
    try {
      Path jar = Path.of(Flarec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.size(jar) + "@" + Files.getLastModifiedTime(jar).toMillis();
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return "unknown";
    }
  }
}
