package dev.flarec.testsuite;

import com.dylibso.chicory.wabt.Wast2Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Turns a {@code .wast} script into wast2json's output, a JSON list of commands plus one file per
 * module. The core scripts go through wabt as compiled to Java by Chicory, so that no native tool
 * is needed for them. The scripts of the {@code simd/} folder go through wabt's native {@code
 * wast2json} (the build needs wabt on the {@code PATH} for the fuzzers anyway), because Chicory's
 * build rounds hex float literals with more than 64 significant bits in {@code v128.const f64x2}
 * lanes wrongly ({@code 0x0123456789ABCDEFabcdef} becomes {@code 0x44f23456789abcde} instead of
 * {@code ...df}), which would turn 87 commands of three SIMD scripts into false failures; the
 * native wabt 1.0.32 of Debian, in turn, cannot read seven of the core scripts.
 *
 * <p>flarec compiles only the binary format, and writing a {@code .wast} parser of our own would
 * test that parser as much as the compiler; wast2json is the reference converter the spec
 * repository's own tooling uses.
 *
 * <p>Conversion takes a second or so per script, so results are cached under {@code
 * testsuite/target/spec-json/}, in a folder named by the script's SHA-256: an edited script gets a
 * new folder, and {@code mvn clean} empties the cache. Scripts are converted ahead of the tests on
 * a small pool of threads, so that a cold run converts while it already executes earlier scripts.
 */
final class WastConverter implements AutoCloseable {
  /** Bumped when the layout of the cache changes, so that stale entries are not reused. */
  private static final String CACHE_FORMAT = "wabt/2";

  /** The native {@code wast2json}, or null to use Chicory's. */
  private static final Path NATIVE = onPath("wast2json");

  private final Path cacheDir;
  private final ExecutorService pool;

  WastConverter(Path cacheDir, int threads) {
    this.cacheDir = cacheDir;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "wast2json-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts converting {@code wast} in the background; the future yields the JSON file. */
  CompletableFuture<Path> submit(Path wast) {
    return CompletableFuture.supplyAsync(() -> convert(wast), pool);
  }

  /** The JSON file for {@code wast}, converting it unless the cache already holds it. */
  Path convert(Path wast) {
    String name = SpecLocations.scriptName(wast);
    Path target = cacheDir.resolve(name + "-" + hash(wast));
    Path json = target.resolve(name + ".json");
    if (Files.isRegularFile(json)) {
      return json;
    }
    try {
      Files.createDirectories(cacheDir);
      // Convert into a private folder and move it into place whole, so that an interrupted run
      // or a concurrent one never leaves a half-written entry that looks complete.
      Path scratch = Files.createTempDirectory(cacheDir, name + ".tmp-");
      try {
        Path out = scratch.resolve(name + ".json");
        if (isSimd(wast)) {
          if (NATIVE == null) {
            throw new IllegalStateException(
                "the SIMD scripts need wabt's native wast2json on the PATH (Debian: apt-get install -y wabt)");
          }
          runNative(wast, out);
        } else {
          Wast2Json.builder().withFile(wast.toFile()).withOutput(out.toFile()).build().process();
        }
        try {
          Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileSystemException e) {
          // Another run got there first (the target exists and is not empty).
          if (!Files.isRegularFile(json)) {
            throw e;
          }
        }
      } finally {
        deleteRecursively(scratch);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot convert " + wast + " into " + target, e);
    } catch (RuntimeException e) {
      // wast2json reports failures only as its exit code; name the script at least.
      throw new IllegalStateException("wast2json failed on " + wast + ": " + e, e);
    }
    if (!Files.isRegularFile(json)) {
      throw new IllegalStateException("wast2json wrote no " + json.getFileName() + " for " + wast);
    }
    return json;
  }

  private static boolean isSimd(Path wast) {
    Path parent = wast.getParent();
    return parent != null && parent.getFileName().toString().equals("simd");
  }

  private static void runNative(Path wast, Path out) throws IOException {
    Process p =
        new ProcessBuilder(NATIVE.toString(), wast.toString(), "-o", out.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IllegalStateException("exit " + p.exitValue() + ": " + output.strip());
      }
    } catch (InterruptedException e) {
      p.destroy();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static Path onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  private static String hash(Path file) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(CACHE_FORMAT.getBytes(StandardCharsets.UTF_8));
      sha.update((isSimd(file) ? "native" : "chicory").getBytes(StandardCharsets.UTF_8));
      sha.update(Files.readAllBytes(file));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
