package dev.flarec.benchmarks.realprogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of benchmarks/real-programs/programs.tsv: a program's name, the binary it runs ({@code
 * CACHE/wasm/BINARY.wasm}, {@code CACHE/native/BINARY}), its arguments after argv[0] and the file
 * it reads as standard input, if any, and what it exercises (for the report).
 */
public record RealProgram(
    String name, String binary, List<String> args, Optional<Path> stdin, String description) {
  private static final String NONE = "(none)";

  public RealProgram {
    args = List.copyOf(args);
  }

  /** argv as the program sees it: the binary's name, then the arguments. */
  public List<String> argv() {
    var argv = new ArrayList<String>();
    argv.add(binary);
    argv.addAll(args);
    return argv;
  }

  /** The standard input's bytes; empty when the program reads none. */
  public byte[] stdinBytes() {
    try {
      return stdin.isPresent() ? Files.readAllBytes(stdin.get()) : new byte[0];
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a programs.tsv; stdin files are resolved beside it. */
  public static List<RealProgram> readCatalog(Path tsv) throws IOException {
    var programs = new ArrayList<RealProgram>();
    List<String> lines = Files.readAllLines(tsv);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      if (fields.length != 5) {
        throw new IllegalArgumentException(
            tsv + ":" + (i + 1) + ": expected 5 tab-separated fields, found " + fields.length);
      }
      List<String> args = fields[2].equals(NONE) ? List.of() : List.of(fields[2].split(" "));
      Optional<Path> stdin =
          fields[3].equals(NONE) ? Optional.empty() : Optional.of(tsv.resolveSibling(fields[3]));
      programs.add(new RealProgram(fields[0], fields[1], args, stdin, fields[4]));
    }
    return programs;
  }

  /** The program called {@code name} in the catalog. */
  public static RealProgram find(Path tsv, String name) throws IOException {
    return readCatalog(tsv).stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(name + ": not in " + tsv));
  }
}
