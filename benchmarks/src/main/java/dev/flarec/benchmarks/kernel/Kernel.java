package dev.flarec.benchmarks.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One benchmark kernel: {@code run(n) -> i64} exported by {@code kernels/<name>.wasm}.
 *
 * @param benchN the work of one timed call
 * @param checkN a small work size for quick agreement checks
 * @param expectedBench the answer at {@code benchN}, as native code computes it
 * @param expectedCheck the answer at {@code checkN}
 */
public record Kernel(String name, int benchN, int checkN, long expectedBench, long expectedCheck) {

  /** The module's bytes, from the class path. */
  public byte[] wasm() {
    return Resources.bytes("/kernels/" + name + ".wasm");
  }

  /** Fails loudly when {@code got} is not the answer native code gave for {@code n}. */
  public void check(String engine, int n, long got) {
    long expected = n == benchN ? expectedBench : n == checkN ? expectedCheck : got;
    if (n != benchN && n != checkN) {
      throw new IllegalArgumentException(name + ": no expected answer for n = " + n);
    }
    if (got != expected) {
      throw new WrongAnswerException(
          name
              + " on "
              + engine
              + ": run("
              + n
              + ") = "
              + got
              + ", but native code gives "
              + expected);
    }
  }

  /** A kernel gave a different answer on some engine: its timing would mean nothing. */
  public static final class WrongAnswerException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    WrongAnswerException(String message) {
      super(message);
    }
  }

  /** Class-path resources of this module. */
  public static final class Resources {
    private Resources() {}

    public static byte[] bytes(String path) {
      try (InputStream in = Kernel.class.getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException(
              path + " is not on the class path; run benchmarks/build.sh?");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
