package dev.flarec.testsuite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where things are on disk: the repository root, the folder of spec scripts and the status
 * document.
 *
 * <p>The spec scripts are test data that the project deliberately does not copy into its tree (they
 * are another project's files, kept in the shared folder beside the repository). So their folder is
 * looked up at run time, in this order: system property {@value #PROPERTY}, environment variable
 * {@value #ENVIRONMENT}, then {@value #DEFAULT_RELATIVE} next to the repository root. Whoever runs
 * the suite from another checkout layout can point it elsewhere without editing code.
 */
final class SpecLocations {
  static final String PROPERTY = "flarec.spec.dir";
  static final String ENVIRONMENT = "FLAREC_SPEC_DIR";
  static final String DEFAULT_RELATIVE = "../shared/wasm-spec/wg-3.0-bin";

  private SpecLocations() {}

  /**
   * The repository root: the nearest directory at or above {@code user.dir} holding both a {@code
   * pom.xml} and a {@code testsuite/} folder. Maven runs tests with the module as working
   * directory, an IDE often with the root; walking up serves both.
   *
   * @return the root, or null if there is none above the working directory
   */
  static Path repositoryRootOrNull() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
    for (; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml"))
          && Files.isDirectory(dir.resolve("testsuite"))) {
        return dir;
      }
    }
    return null;
  }

  /** The repository root, or an exception saying from where it was looked for. */
  static Path repositoryRoot() {
    Path root = repositoryRootOrNull();
    if (root == null) {
      throw new IllegalStateException(
          "cannot find the flarec repository root (a directory with pom.xml and testsuite/) at or above "
              + System.getProperty("user.dir"));
    }
    return root;
  }

  /**
   * The folder of {@code .wast} scripts, or an {@link IllegalStateException} whose message names
   * the three ways to set it and what was tried. A folder set explicitly (property or environment)
   * must exist: falling back silently from a mistyped path would run other scripts than meant.
   */
  static Path specDirectory() {
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      return existing(Path.of(property), "system property " + PROPERTY + "=" + property);
    }
    String env = System.getenv(ENVIRONMENT);
    if (env != null && !env.isBlank()) {
      return existing(Path.of(env), "environment variable " + ENVIRONMENT + "=" + env);
    }
    Path root = repositoryRootOrNull();
    if (root == null) {
      throw notFound(
          "the default "
              + DEFAULT_RELATIVE
              + " (no repository root found above "
              + System.getProperty("user.dir")
              + ")");
    }
    return existing(
        root.resolve(DEFAULT_RELATIVE),
        "the default " + DEFAULT_RELATIVE + " from the repository root");
  }

  private static Path existing(Path dir, String source) {
    Path p = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) {
      throw notFound(source + ", which is " + p + ": no such directory");
    }
    return p;
  }

  private static IllegalStateException notFound(String tried) {
    return new IllegalStateException(
        "WebAssembly spec scripts not found. Set the system property "
            + PROPERTY
            + " (mvn -D"
            + PROPERTY
            + "=/path/to/wg-3.0-bin ...), or the environment variable "
            + ENVIRONMENT
            + ", or put them in "
            + DEFAULT_RELATIVE
            + " relative to the repository root. Tried "
            + tried
            + ".");
  }

  /**
   * Every script below {@code specDir}: those at its top first (the core scripts), then each
   * folder's ({@code exceptions/}, {@code simd/}, ...), each group by name.
   */
  static List<Path> scripts(Path specDir) {
    try (Stream<Path> files = Files.walk(specDir)) {
      return files
          .filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".wast"))
          .sorted(
              Comparator.comparing((Path p) -> specDir.relativize(p).getNameCount() > 1)
                  .thenComparing(p -> specDir.relativize(p).toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + specDir, e);
    }
  }

  /**
   * Script name as reported: the path below {@code specDir} without {@code .bin.wast}, with {@code
   * /} between folders, e.g. {@code i32} or {@code exceptions/throw}.
   */
  static String scriptName(Path specDir, Path script) {
    String name = specDir.relativize(script).toString().replace('\\', '/');
    for (String suffix : new String[] {".bin.wast", ".wast"}) {
      if (name.endsWith(suffix)) {
        return name.substring(0, name.length() - suffix.length());
      }
    }
    return name;
  }

  /**
   * The status document every full run writes: under the build directory, so that running the tests
   * leaves the work tree as it was.
   */
  static Path statusReport() {
    return repositoryRoot().resolve("testsuite").resolve("target").resolve("spec-status.md");
  }

  /** The committed status document, rewritten only when {@link SpecTest#PUBLISH} asks for it. */
  static Path publishedStatusDocument() {
    return repositoryRoot().resolve("docs").resolve("spec-status.md");
  }
}
