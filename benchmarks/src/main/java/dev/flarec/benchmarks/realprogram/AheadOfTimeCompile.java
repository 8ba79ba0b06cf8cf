package dev.flarec.benchmarks.realprogram;

import dev.flarec.compiler.CompiledModule;
import dev.flarec.compiler.Flarec;
import dev.flarec.compiler.jar.JarWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Compiles a module to a JAR in a JVM of its own, as a user does before deploying, and reports how
 * long compiling and writing took in that (fresh) JVM:
 *
 * <pre>AheadOfTimeCompile MODULE.wasm OUT.jar</pre>
 *
 * prints the milliseconds on its last line.
 */
public final class AheadOfTimeCompile {
  private AheadOfTimeCompile() {}

  public static void main(String[] args) throws IOException {
    long start = System.nanoTime();
    CompiledModule module = Flarec.compile(Path.of(args[0]));
    new JarWriter().write(module, Path.of(args[1]));
    System.out.println((System.nanoTime() - start) / 1e6);
  }

  /** Runs {@link #main} in a child JVM on this JVM's class path; returns its milliseconds. */
  static double inChildJvm(Path wasm, Path jar) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    AheadOfTimeCompile.class.getName(),
                    wasm.toString(),
                    jar.toString()))
            .redirectErrorStream(true)
            .start();
    String output =
        new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (child.waitFor() != 0) {
      throw new IOException("compiling " + wasm + " failed: " + output);
    }
    return Double.parseDouble(output.substring(output.lastIndexOf('\n') + 1));
  }
}
